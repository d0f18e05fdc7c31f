/*
 * FlushFileBuffers on pipe handles. A flush waits until the peer has read everything this end wrote,
 * empty messages and writes still waiting for room included; with nothing unread it returns at once.
 *
 * Where the expected values come from (confirmed with mingw-w64 + Wine 8.0 except where noted):
 * - waiting for the reader, for the empty message, for a pending write; ERROR_BROKEN_PIPE when the
 *   peer closes during the flush; ERROR_PIPE_NOT_CONNECTED when the server disconnects during a
 *   client's flush; TRUE on a server whose client has closed: Wine's dlls/kernel32/tests/pipe.c
 *   (test_blocking_rw, test_overlapped_transport, serverThreadMain4), tests that pass on Windows.
 * - TRUE on a listening or disconnected server, ERROR_PIPE_NOT_CONNECTED on the client end of a
 *   disconnected pipe: ReactOS's NPFS (drivers/filesystems/npfs/flushbuf.c: success unless data is
 *   queued; the client of a disconnected pipe has no CCB: STATUS_PIPE_DISCONNECTED); Wine agrees.
 * - ERROR_ACCESS_DENIED without write access (a disk file opened for reading, where Wine agrees, and
 *   the read end of an anonymous pipe, where Wine 8.0 returns TRUE): FlushFileBuffers' documentation
 *   ("the file handle must have the GENERIC_WRITE access right"); NtFlushBuffersFile checks for
 *   FILE_WRITE_DATA or FILE_APPEND_DATA before it asks the file system.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define PIPE_NAME "\\\\.\\pipe\\ntwasm_pipe_flush"

static DWORD WINAPI flush_thread(LPVOID arg)
{
    HANDLE h = (HANDLE)arg;
    if (FlushFileBuffers(h)) return 0;
    return GetLastError();
}

static DWORD WINAPI write_thread(LPVOID arg)
{
    static char big[3000];
    DWORD n = 0;
    memset(big, 'w', sizeof big);
    if (!WriteFile((HANDLE)arg, big, sizeof big, &n, NULL)) return GetLastError();
    return n == sizeof big ? 0 : 1;
}

/* Starts a flush of `h` on another thread and reports whether it is still waiting after a while. */
static HANDLE start_flush(HANDLE h, const char *what)
{
    HANDLE t = CreateThread(NULL, 0, flush_thread, h, 0, NULL);
    printf("%s: flush waiting: %s\n", what, WaitForSingleObject(t, 200) == WAIT_TIMEOUT ? "yes" : "no");
    return t;
}

static void end_flush(HANDLE t, const char *what)
{
    DWORD code = 0xdead;
    DWORD w = WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    printf("%s: flush ended: %s, result %lu\n", what, w == WAIT_OBJECT_0 ? "yes" : "no", code);
    CloseHandle(t);
}

static void pair(DWORD type, DWORD size, HANDLE *server, HANDLE *client)
{
    *server = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX, type | PIPE_WAIT, 1, size, size, 0, NULL);
    *client = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (*server == INVALID_HANDLE_VALUE || *client == INVALID_HANDLE_VALUE) printf("pair failed %lu\n", GetLastError());
}

static void flush_now(HANDLE h, const char *what)
{
    BOOL ok;
    SetLastError(0xdeadbeef);
    ok = FlushFileBuffers(h);
    printf("%s: %d, error %lu\n", what, ok, ok ? 0 : GetLastError());
}

int main(void)
{
    HANDLE r, w, s, c, t, wt, f;
    char buf[4096];
    DWORD n;
    BOOL ok;

    /* anonymous pipe */
    CreatePipe(&r, &w, NULL, 0);
    flush_now(w, "anonymous write end, empty");
    flush_now(r, "anonymous read end");
    WriteFile(w, "xyz", 3, &n, NULL);
    t = start_flush(w, "anonymous, 3 bytes unread");
    ReadFile(r, buf, 2, &n, NULL);
    printf("anonymous: read %lu, flush still waiting: %s\n", n, WaitForSingleObject(t, 100) == WAIT_TIMEOUT ? "yes" : "no");
    ReadFile(r, buf, sizeof buf, &n, NULL);
    end_flush(t, "anonymous, drained");
    CloseHandle(r);
    CloseHandle(w);

    /* message pipe: the flush waits for the empty message too */
    pair(PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1024, &s, &c);
    WriteFile(s, "abc", 3, &n, NULL);
    WriteFile(s, "", 0, &n, NULL);
    t = start_flush(s, "message + empty message");
    ok = ReadFile(c, buf, sizeof buf, &n, NULL);
    printf("read %d %lu, flush still waiting: %s\n", ok, n, WaitForSingleObject(t, 200) == WAIT_TIMEOUT ? "yes" : "no");
    ok = ReadFile(c, buf, sizeof buf, &n, NULL);
    printf("read %d %lu\n", ok, n);
    end_flush(t, "message + empty message");
    flush_now(c, "client, nothing written");
    CloseHandle(c);
    flush_now(s, "server after its client closed");
    CloseHandle(s);

    /* a write waiting for room counts too */
    pair(PIPE_TYPE_BYTE, 1024, &s, &c);
    WriteFile(s, buf, 1000, &n, NULL);
    wt = CreateThread(NULL, 0, write_thread, s, 0, NULL);
    printf("writer waiting: %s\n", WaitForSingleObject(wt, 200) == WAIT_TIMEOUT ? "yes" : "no");
    t = start_flush(s, "pending write");
    ReadFile(c, buf, 1000, &n, NULL);
    WaitForSingleObject(wt, 5000);
    printf("first read %lu, flush still waiting: %s\n", n, WaitForSingleObject(t, 200) == WAIT_TIMEOUT ? "yes" : "no");
    for (DWORD total = 0; total < 3000; total += n) ReadFile(c, buf, sizeof buf, &n, NULL);
    end_flush(t, "pending write");
    CloseHandle(wt);
    CloseHandle(c);
    CloseHandle(s);

    /* so does an overlapped write still pending */
    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE | PIPE_WAIT, 1, 1024, 1024, 0, NULL);
    c = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    {
        static char big[3000];
        OVERLAPPED ov;
        memset(&ov, 0, sizeof ov);
        ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
        WriteFile(s, big, 1000, &n, NULL);
        ok = WriteFile(s, big, sizeof big, &n, &ov);
        printf("overlapped write: %d %lu\n", ok, ok ? 0 : GetLastError());
        t = start_flush(s, "overlapped write");
        for (DWORD total = 0; total < 4000; total += n) ReadFile(c, buf, sizeof buf, &n, NULL);
        end_flush(t, "overlapped write");
        ok = GetOverlappedResult(s, &ov, &n, TRUE);
        printf("overlapped write done: %d %lu\n", ok, n);
        CloseHandle(ov.hEvent);
    }
    CloseHandle(c);
    CloseHandle(s);

    /* the peer closes during a flush */
    pair(PIPE_TYPE_BYTE, 1024, &s, &c);
    WriteFile(s, "abc", 3, &n, NULL);
    t = start_flush(s, "client closes");
    CloseHandle(c);
    end_flush(t, "client closes");
    CloseHandle(s);

    pair(PIPE_TYPE_BYTE, 1024, &s, &c);
    WriteFile(c, "abc", 3, &n, NULL);
    t = start_flush(c, "server closes");
    CloseHandle(s);
    end_flush(t, "server closes");
    CloseHandle(c);

    /* the server disconnects during the client's flush */
    pair(PIPE_TYPE_BYTE, 1024, &s, &c);
    WriteFile(c, "abc", 3, &n, NULL);
    t = start_flush(c, "server disconnects");
    DisconnectNamedPipe(s);
    end_flush(t, "server disconnects");
    flush_now(c, "disconnected client");
    flush_now(s, "disconnected server");
    CloseHandle(c);
    CloseHandle(s);

    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 1, 1024, 1024, 0, NULL);
    flush_now(s, "listening server");
    CloseHandle(s);

    /* disk files keep working */
    f = CreateFileA("pipe_flush.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(f, "data", 4, &n, NULL);
    flush_now(f, "disk file");
    CloseHandle(f);
    f = CreateFileA("pipe_flush.tmp", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    flush_now(f, "disk file opened for reading");
    CloseHandle(f);
    DeleteFileA("pipe_flush.tmp");
    return 0;
}
