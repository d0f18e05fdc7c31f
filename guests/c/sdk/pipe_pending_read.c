/*
 * A write completes the overlapped reads pending on the other end before anything is queued: 4000
 * bytes written with a 1000-byte read pending leave 3000 in the pipe (in message read mode the read
 * ends with ERROR_MORE_DATA and the rest of the message stays first); pending reads are served in
 * the order they were issued; a pending 0-byte read ends when data comes, without taking any (in
 * message read mode with ERROR_MORE_DATA); an empty message completes one pending read.
 *
 * Expected output confirmed with mingw-w64 + Wine 8.0; Wine's dlls/kernel32/tests/pipe.c records the
 * same for Windows (test_blocking_rw: "write more data than needed for read", "write one byte" after
 * a 0-byte and a 1000-byte read, "0 length write wakes one read in msg mode").
 */
#include <windows.h>
#include <stdio.h>

#define PIPE_NAME "\\\\.\\pipe\\ntwasm_pipe_pending_read"

static char data[4000], in[2000], in2[2000];

static void start_read(HANDLE h, char *buf, DWORD n, OVERLAPPED *ov, const char *what)
{
    DWORD got = 0xdead;
    BOOL ok;
    memset(ov, 0, sizeof *ov);
    ov->hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ok = ReadFile(h, buf, n, &got, ov);
    printf("%s: %d %lu\n", what, ok, ok ? 0 : GetLastError());
}

static void end_read(HANDLE h, OVERLAPPED *ov, const char *what)
{
    DWORD got = 0xdead;
    BOOL ok;
    SetLastError(0xdeadbeef);
    ok = GetOverlappedResult(h, ov, &got, TRUE);
    printf("%s: %d, %lu bytes, error %lu\n", what, ok, got, ok ? 0 : GetLastError());
    CloseHandle(ov->hEvent);
}

static void avail(HANDLE h, const char *what)
{
    DWORD total = 0xdead, left = 0xdead;
    PeekNamedPipe(h, NULL, 0, NULL, &total, &left);
    printf("%s: %lu available, %lu left in the message\n", what, total, left);
}

static void run(DWORD type)
{
    HANDLE s, c;
    OVERLAPPED ov, ov2;
    DWORD n, mode = type == PIPE_TYPE_MESSAGE ? PIPE_READMODE_MESSAGE : PIPE_READMODE_BYTE;

    printf("%s pipe\n", type == PIPE_TYPE_MESSAGE ? "message" : "byte");
    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, type | mode | PIPE_WAIT, 1, 8192, 8192, 0, NULL);
    c = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);

    start_read(s, in, 1000, &ov, "1000-byte read");
    WriteFile(c, data, 4000, &n, NULL);
    avail(s, "after writing 4000");
    end_read(s, &ov, "the read");
    ReadFile(s, in, sizeof in, &n, NULL);
    printf("the rest: %lu\n", n);
    ReadFile(s, in, sizeof in, &n, NULL);
    printf("the rest: %lu\n", n);

    start_read(s, in, 0, &ov, "0-byte read");
    start_read(s, in2, 1000, &ov2, "1000-byte read");
    if (type == PIPE_TYPE_MESSAGE) {
        WriteFile(c, "", 0, &n, NULL);
        printf("empty message: 0-byte read %s, 1000-byte read %s\n",
            WaitForSingleObject(ov.hEvent, 1000) == WAIT_OBJECT_0 ? "done" : "pending",
            WaitForSingleObject(ov2.hEvent, 200) == WAIT_OBJECT_0 ? "done" : "pending");
        end_read(s, &ov, "0-byte read");
        start_read(s, in, 0, &ov, "another 0-byte read, after the 1000-byte one");
        WriteFile(c, "x", 1, &n, NULL);
        end_read(s, &ov2, "1000-byte read, first in line");
        WriteFile(c, "y", 1, &n, NULL);
        end_read(s, &ov, "0-byte read");
        avail(s, "its message stays");
        ReadFile(s, in, sizeof in, &n, NULL);
    } else {
        WriteFile(c, "x", 1, &n, NULL);
        avail(s, "after writing 1");
        end_read(s, &ov, "0-byte read");
        end_read(s, &ov2, "1000-byte read");
    }
    CloseHandle(c);
    CloseHandle(s);
}

int main(void)
{
    run(PIPE_TYPE_BYTE);
    run(PIPE_TYPE_MESSAGE);
    return 0;
}
