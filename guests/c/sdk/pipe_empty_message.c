/*
 * Zero-length messages on a message pipe: each is read as a 0-byte ReadFile that succeeds, in
 * message and in byte read mode, also after the writer closed its end (then ERROR_BROKEN_PIPE
 * follows). A 0-byte ReadFile with data waiting leaves the data: it succeeds in byte read mode and
 * fails with ERROR_MORE_DATA in message read mode (Windows 8 and later; test_CloseHandle).
 *
 * Expected output confirmed with mingw-w64 + Wine 8.0; Wine's dlls/kernel32/tests/pipe.c records the
 * same for Windows (test_CloseHandle: the empty message written before CloseHandle is read, then
 * ERROR_BROKEN_PIPE; test_blocking_rw: "we still have an empty message in queue" in byte read mode).
 */
#include <windows.h>
#include <stdio.h>

#define PIPE_NAME "\\\\.\\pipe\\ntwasm_pipe_empty_message"

static void rd(HANDLE h, DWORD size, const char *what)
{
    char buf[64];
    DWORD n = 0xdead;
    BOOL ok;
    SetLastError(0xdeadbeef);
    ok = ReadFile(h, buf, size, &n, NULL);
    printf("%s: %d, %lu bytes, error %lu\n", what, ok, n, ok ? 0 : GetLastError());
}

static void run(DWORD readmode, BOOL server_writes)
{
    HANDLE s, c, wr, re;
    DWORD n, avail;
    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_WAIT, 1, 1024, 1024, 0, NULL);
    c = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    wr = server_writes ? s : c;
    re = server_writes ? c : s;
    SetNamedPipeHandleState(re, &readmode, NULL, NULL);
    printf("%s read mode, %s writes\n", readmode == PIPE_READMODE_MESSAGE ? "message" : "byte", server_writes ? "server" : "client");
    WriteFile(wr, "abc", 3, &n, NULL);
    WriteFile(wr, "", 0, &n, NULL);
    PeekNamedPipe(re, NULL, 0, NULL, &avail, NULL);
    printf("available %lu\n", avail);
    rd(re, 0, "0-byte read with data");
    rd(re, 64, "first");
    rd(re, 64, "second");
    WriteFile(wr, "de", 2, &n, NULL);
    WriteFile(wr, "", 0, &n, NULL);
    CloseHandle(wr);
    rd(re, 64, "after close");
    rd(re, 64, "then");
    rd(re, 64, "last");
    CloseHandle(re);
}

int main(void)
{
    run(PIPE_READMODE_MESSAGE, TRUE);
    run(PIPE_READMODE_BYTE, TRUE);
    run(PIPE_READMODE_MESSAGE, FALSE);
    run(PIPE_READMODE_BYTE, FALSE);
    return 0;
}
