/*
 * Pipe and file handles are waitable: the file object is signaled while no overlapped operation is
 * pending on it. An overlapped call resets it; without an event of its own the call sets it again
 * when it completes, so WaitForSingleObject on the handle and GetOverlappedResult with a NULL hEvent
 * wait for the operation.
 *
 * Expected output confirmed with mingw-w64 + Wine 8.0. The same values are in Wine's
 * dlls/kernel32/tests/pipe.c, tests that pass on Windows: test_signaled on new pipes
 * (test_CreateNamedPipe, create_overlapped_pipe), test_not_signaled on a server after an overlapped
 * ConnectNamedPipe with an event, before and after the client came (create_overlapped_pipe), and
 * WAIT_TIMEOUT on the client's handle after DisconnectNamedPipe (test_DisconnectNamedPipe). A disk
 * file opened without FILE_FLAG_OVERLAPPED is a synchronous file object: its calls complete before
 * they return, so it is signaled after them.
 */
#include <windows.h>
#include <stdio.h>

#define PIPE_NAME "\\\\.\\pipe\\ntwasm_pipe_waitable"

static const char *state(HANDLE h)
{
    DWORD r = WaitForSingleObject(h, 0);
    return r == WAIT_OBJECT_0 ? "signaled" : r == WAIT_TIMEOUT ? "not signaled" : "failed";
}

static DWORD WINAPI late_writer(LPVOID arg)
{
    DWORD n;
    Sleep(200);
    WriteFile((HANDLE)arg, "late", 4, &n, NULL);
    return 0;
}

int main(void)
{
    HANDLE r, w, s, c, ev, t, f;
    OVERLAPPED ov, ov2;
    char buf[64];
    DWORD n;
    BOOL ok;

    CreatePipe(&r, &w, NULL, 0);
    printf("anonymous pipe: read end %s, write end %s\n", state(r), state(w));
    WriteFile(w, "ab", 2, &n, NULL);
    ReadFile(r, buf, 2, &n, NULL);
    printf("after a read and a write: %s, %s\n", state(r), state(w));
    { HANDLE both[2] = { r, w }; printf("WaitForMultipleObjects all: %lu\n", WaitForMultipleObjects(2, both, TRUE, 0)); }
    CloseHandle(r);
    CloseHandle(w);

    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE | PIPE_WAIT, 1, 1024, 1024, 0, NULL);
    printf("new server: %s\n", state(s));
    ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    memset(&ov, 0, sizeof ov);
    ov.hEvent = ev;
    ok = ConnectNamedPipe(s, &ov);
    printf("ConnectNamedPipe with an event: %d %lu, server %s\n", ok, GetLastError(), state(s));
    c = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    printf("client came: server %s, client %s\n", state(s), state(c));
    ok = GetOverlappedResult(s, &ov, &n, TRUE);
    printf("connect result %d, event %s, server %s\n", ok, state(ev), state(s));

    /* an overlapped read without an event: the handle is what completes */
    memset(&ov, 0, sizeof ov);
    ok = ReadFile(s, buf, sizeof buf, &n, &ov);
    printf("read without an event: %d %lu, server %s\n", ok, GetLastError(), state(s));
    printf("wait 100 ms: %s\n", WaitForSingleObject(s, 100) == WAIT_TIMEOUT ? "timeout" : "ended");
    WriteFile(c, "hello", 5, &n, NULL);
    printf("after the client wrote: %s\n", WaitForSingleObject(s, 5000) == WAIT_OBJECT_0 ? "signaled" : "not signaled");
    n = 0;
    ok = GetOverlappedResult(s, &ov, &n, TRUE);
    printf("GetOverlappedResult: %d, %lu bytes: %.5s\n", ok, n, buf);

    /* GetOverlappedResult with bWait and no event waits on the handle */
    memset(&ov, 0, sizeof ov);
    ok = ReadFile(s, buf, sizeof buf, &n, &ov);
    printf("second read: %d %lu\n", ok, GetLastError());
    ok = GetOverlappedResult(s, &ov, &n, FALSE);
    printf("not yet: %d %lu\n", ok, GetLastError());
    t = CreateThread(NULL, 0, late_writer, c, 0, NULL);
    n = 0;
    ok = GetOverlappedResult(s, &ov, &n, TRUE);
    printf("waited: %d, %lu bytes: %.4s, server %s\n", ok, n, buf, state(s));
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);

    /* a call with an event leaves the file object reset, even when it completes at once */
    memset(&ov2, 0, sizeof ov2);
    ov2.hEvent = ev;
    ok = WriteFile(c, "x", 1, &n, &ov2);
    printf("write with an event: %d, event %s, client %s\n", ok, state(ev), state(c));
    ReadFile(s, buf, 1, &n, NULL);

    /* an overlapped call without an event that completes at once leaves it set */
    memset(&ov2, 0, sizeof ov2);
    ok = WriteFile(c, "y", 1, &n, &ov2);
    printf("write without an event: %d, client %s\n", ok, state(c));
    ReadFile(s, buf, 1, &n, NULL);

    ok = DisconnectNamedPipe(s);
    printf("disconnected: %d, client %s\n", ok, state(c));
    CloseHandle(c);
    CloseHandle(s);
    CloseHandle(ev);

    f = CreateFileA("pipe_waitable.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    printf("new file: %s\n", state(f));
    WriteFile(f, "abc", 3, &n, NULL);
    ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    memset(&ov, 0, sizeof ov);
    ov.hEvent = ev;
    ok = ReadFile(f, buf, 3, &n, &ov);
    printf("file read with an OVERLAPPED: %d %lu, file %s\n", ok, n, state(f));
    memset(&ov, 0, sizeof ov);
    ok = ReadFile(f, buf, 3, &n, &ov);
    n = 0;
    ok = GetOverlappedResult(f, &ov, &n, TRUE);
    printf("GetOverlappedResult on the file: %d %lu\n", ok, n);
    CloseHandle(ev);
    CloseHandle(f);
    DeleteFileA("pipe_waitable.tmp");
    return 0;
}
