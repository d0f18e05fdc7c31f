/*
 * What an overlapped pipe call leaves in the OVERLAPPED and in *lpNumberOfBytesRead when it ends at
 * once: a partial message read fails with ERROR_MORE_DATA, leaves the count 0 and puts
 * STATUS_BUFFER_OVERFLOW and the bytes in Internal/InternalHigh; a call that fails at once (a
 * disconnected pipe, a client that came before ConnectNamedPipe) leaves Internal STATUS_PENDING and
 * InternalHigh untouched.
 *
 * Expected output confirmed with mingw-w64 + Wine 8.0; Wine's dlls/kernel32/tests/pipe.c records the
 * same for Windows (test_ReadFile, test_overlapped_error).
 */
#include <windows.h>
#include <stdio.h>

#define PIPE_NAME "\\\\.\\pipe\\ntwasm_pipe_overlapped_status"

static void show(const char *what, BOOL ok, DWORD size, OVERLAPPED *ov)
{
    printf("%s: %d, error %lu, count %lu, Internal %08lx, InternalHigh %lx\n", what, ok, ok ? 0 : GetLastError(), size,
        (unsigned long)ov->Internal, (unsigned long)ov->InternalHigh);
}

int main(void)
{
    HANDLE s, c;
    OVERLAPPED ov;
    char buf[512] = {0};
    DWORD size;
    BOOL ok;

    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
        1, 1024, 1024, 0, NULL);
    c = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);

    memset(&ov, 0, sizeof ov);
    size = 0xdead;
    ok = ConnectNamedPipe(s, &ov);
    show("ConnectNamedPipe after the client came", ok, 0, &ov);

    WriteFile(c, buf, sizeof buf, &size, NULL);
    size = 0xdead;
    ok = ReadFile(s, buf, 1, &size, NULL);
    printf("plain partial read: %d, error %lu, count %lu\n", ok, GetLastError(), size);
    memset(&ov, 0, sizeof ov);
    size = 0xdead;
    ok = ReadFile(s, buf, 1, &size, &ov);
    show("overlapped partial read", ok, size, &ov);
    size = 0xdead;
    ok = GetOverlappedResult(s, &ov, &size, FALSE);
    printf("its result: %d, error %lu, count %lu\n", ok, ok ? 0 : GetLastError(), size);
    memset(&ov, 0, sizeof ov);
    size = 0xdead;
    ok = ReadFile(s, buf, sizeof buf, &size, &ov);
    show("overlapped read of the rest", ok, size, &ov);

    DisconnectNamedPipe(s);
    memset(&ov, 0, sizeof ov);
    ov.InternalHigh = 0xdeadbeef;
    size = 0xdead;
    ok = ReadFile(s, buf, 1, &size, &ov);
    show("read on a disconnected pipe", ok, size, &ov);
    memset(&ov, 0, sizeof ov);
    ov.InternalHigh = 0xdeadbeef;
    size = 0xdead;
    ok = WriteFile(s, buf, 1, &size, &ov);
    show("write on a disconnected pipe", ok, size, &ov);
    CloseHandle(c);
    CloseHandle(s);
    return 0;
}
