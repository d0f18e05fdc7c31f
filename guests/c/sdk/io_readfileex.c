/*
 * ReadFileEx / WriteFileEx: the completion routine is queued as an APC to the thread that issued the
 * call and runs only in an alertable wait of that thread (SleepEx, WaitForSingleObjectEx...), which
 * then returns WAIT_IO_COMPLETION. It is queued also when the call completed at once. The OVERLAPPED's
 * hEvent is left alone. The routine gets the Win32 error (ERROR_MORE_DATA for a partial message,
 * ERROR_OPERATION_ABORTED after CancelIo, ERROR_BROKEN_PIPE), the bytes and the OVERLAPPED pointer.
 * A call that fails at once returns FALSE with the error and queues nothing. Pipes (pending reads
 * served by a later write, from this thread or another) and disk files (at the OVERLAPPED's offset).
 *
 * Expected output confirmed with mingw-w64 + Wine 8.0; Wine's dlls/kernel32/tests/pipe.c
 * (test_readfileex_pending) records the same for Windows.
 */
#include <windows.h>
#include <stdio.h>

#define PIPE_NAME L"\\\\.\\pipe\\ntwasm_io_readfileex"

static int calls;
static DWORD last_error, last_bytes, last_thread;
static LPOVERLAPPED last_ov;

static VOID CALLBACK done(DWORD dwErrorCode, DWORD dwNumberOfBytesTransfered, LPOVERLAPPED lpOverlapped)
{
    calls++;
    last_error = dwErrorCode;
    last_bytes = dwNumberOfBytesTransfered;
    last_ov = lpOverlapped;
    last_thread = GetCurrentThreadId();
}

/* Waits alertably (an upper bound of 5 s) until `n` completion routines have run. */
static void wait_calls(int n, const char *what)
{
    DWORD r = 0;
    while (calls < n && (r = SleepEx(5000, TRUE)) == WAIT_IO_COMPLETION) {}
    printf("%s: %d call(s), error %lu, %lu bytes\n", what, calls, last_error, last_bytes);
}

static void pipe_pair(HANDLE *s, HANDLE *c, DWORD type)
{
    *s = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, type | PIPE_WAIT, 1, 4096, 4096, 0, NULL);
    *c = CreateFileW(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (type & PIPE_READMODE_MESSAGE) {
        DWORD mode = PIPE_READMODE_MESSAGE;
        SetNamedPipeHandleState(*c, &mode, NULL, NULL);
    }
}

struct writer { HANDLE pipe, go; };

static DWORD WINAPI write_later(LPVOID p)
{
    struct writer *w = p;
    DWORD n;
    WaitForSingleObject(w->go, INFINITE);
    WriteFile(w->pipe, "from another thread", 19, &n, NULL);
    return 0;
}

int main(void)
{
    HANDLE s, c, ev, t, f;
    OVERLAPPED ov, ov2;
    char buf[64], small[4];
    DWORD n, r;
    BOOL ok;
    struct writer w;

    ev = CreateEventW(NULL, TRUE, FALSE, NULL);

    /* a pending read served by a later write */
    pipe_pair(&s, &c, PIPE_TYPE_BYTE);
    memset(&ov, 0, sizeof ov);
    ov.hEvent = ev;
    ok = ReadFileEx(s, buf, sizeof buf, &ov, done);
    printf("pending ReadFileEx: %d, Internal %08lx, %d call(s)\n", ok, (unsigned long)ov.Internal, calls);
    WriteFile(c, "test", 4, &n, NULL);
    printf("after WriteFile: %d call(s)\n", calls);
    r = WaitForSingleObject(ev, 100);
    printf("its hEvent untouched: %s\n", r == WAIT_TIMEOUT ? "yes" : "no");
    r = SleepEx(1, FALSE);
    printf("non-alertable sleep: %lu, %d call(s)\n", r, calls);
    wait_calls(1, "alertable sleep");
    printf("the OVERLAPPED: %s, data \"%.4s\", Internal %08lx, InternalHigh %lu\n", last_ov == &ov ? "same" : "other", buf,
        (unsigned long)ov.Internal, (unsigned long)ov.InternalHigh);
    printf("on the issuing thread: %s\n", last_thread == GetCurrentThreadId() ? "yes" : "no");
    ok = GetOverlappedResult(s, &ov, &n, FALSE);
    printf("GetOverlappedResult: %d, %lu bytes\n", ok, n);

    /* completed at once: the routine is still queued, and runs only in an alertable wait */
    calls = 0;
    WriteFile(c, "hello", 5, &n, NULL);
    memset(&ov, 0, sizeof ov);
    ok = ReadFileEx(s, buf, sizeof buf, &ov, done);
    printf("ReadFileEx with data there: %d, Internal %08lx, InternalHigh %lu, %d call(s)\n", ok, (unsigned long)ov.Internal,
        (unsigned long)ov.InternalHigh, calls);
    r = SleepEx(0, TRUE);
    printf("SleepEx(0, TRUE): %s, %d call(s), error %lu, %lu bytes\n", r == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "0",
        calls, last_error, last_bytes);
    r = SleepEx(0, TRUE);
    printf("again: %lu\n", r);

    calls = 0;
    memset(&ov, 0, sizeof ov);
    ok = WriteFileEx(c, "abc", 3, &ov, done);
    printf("WriteFileEx: %d, Internal %08lx, InternalHigh %lu, %d call(s)\n", ok, (unsigned long)ov.Internal,
        (unsigned long)ov.InternalHigh, calls);
    r = WaitForSingleObjectEx(ev, 0, TRUE);
    printf("WaitForSingleObjectEx: %s, %d call(s), error %lu, %lu bytes\n", r == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "other",
        calls, last_error, last_bytes);
    ReadFile(s, buf, sizeof buf, &n, NULL);
    printf("read back: %lu bytes \"%.3s\"\n", n, buf);

    /* two pending reads complete in order */
    calls = 0;
    memset(&ov, 0, sizeof ov);
    memset(&ov2, 0, sizeof ov2);
    ReadFileEx(s, buf, 2, &ov, done);
    ReadFileEx(s, buf + 2, 2, &ov2, done);
    WriteFile(c, "wxyz", 4, &n, NULL);
    wait_calls(2, "two pending reads");
    /* (in the order their completions came: not compared, as I/O workers may finish them either way) */
    printf("each got 2 bytes: %s, data \"%.4s\"\n", ov.InternalHigh == 2 && ov2.InternalHigh == 2 ? "yes" : "no", buf);

    /* completed by a write on another thread: the routine still runs on this thread */
    calls = 0;
    w.pipe = c;
    w.go = CreateEventW(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 0, write_later, &w, 0, NULL);
    memset(&ov, 0, sizeof ov);
    memset(buf, 0, sizeof buf);
    ok = ReadFileEx(s, buf, sizeof buf, &ov, done);
    SetEvent(w.go);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    printf("after the other thread wrote: %d call(s)\n", calls);
    wait_calls(1, "read served by another thread");
    printf("data \"%s\", on the issuing thread: %s\n", buf, last_thread == GetCurrentThreadId() ? "yes" : "no");

    /* CancelIo: ERROR_OPERATION_ABORTED */
    calls = 0;
    memset(&ov, 0, sizeof ov);
    ReadFileEx(s, buf, sizeof buf, &ov, done);
    ok = CancelIo(s);
    printf("CancelIo: %d\n", ok);
    wait_calls(1, "cancelled read");
    printf("Internal %08lx\n", (unsigned long)ov.Internal);

    /* the writer closes: ERROR_BROKEN_PIPE; a read after that fails at once and queues nothing */
    calls = 0;
    memset(&ov, 0, sizeof ov);
    ReadFileEx(s, buf, sizeof buf, &ov, done);
    CloseHandle(c);
    wait_calls(1, "read when the client closed");
    calls = 0;
    memset(&ov, 0, sizeof ov);
    SetLastError(0xdeadbeef);
    ok = ReadFileEx(s, buf, sizeof buf, &ov, done);
    printf("ReadFileEx on the broken pipe: %d, error %lu\n", ok, GetLastError());
    r = SleepEx(0, TRUE);
    printf("SleepEx(0, TRUE): %lu, %d call(s)\n", r, calls);
    CloseHandle(s);

    /* a partial message: ERROR_MORE_DATA */
    pipe_pair(&s, &c, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE);
    calls = 0;
    WriteFile(c, "a long message", 14, &n, NULL);
    memset(&ov, 0, sizeof ov);
    SetLastError(0xdeadbeef);
    ok = ReadFileEx(s, small, sizeof small, &ov, done);
    printf("ReadFileEx of part of a message: %d, error %lu, Internal %08lx\n", ok, ok ? 0 : GetLastError(), (unsigned long)ov.Internal);
    wait_calls(1, "partial message");
    memset(&ov, 0, sizeof ov);
    calls = 0;
    ReadFileEx(s, buf, sizeof buf, &ov, done);
    wait_calls(1, "the rest");
    memset(&ov, 0, sizeof ov);
    calls = 0;
    ReadFileEx(s, small, sizeof small, &ov, done);
    WriteFile(c, "another message", 15, &n, NULL);
    wait_calls(1, "pending partial message");
    CloseHandle(c);
    CloseHandle(s);

    /* failures at once */
    SetLastError(0xdeadbeef);
    ok = ReadFileEx(INVALID_HANDLE_VALUE, buf, 1, &ov, done);
    printf("bad handle: %d, error %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = WriteFileEx(NULL, buf, 1, &ov, done);
    printf("NULL handle: %d, error %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = ReadFileEx(ev, buf, 1, &ov, done);
    printf("an event: %d, error %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = ReadFileEx(s, buf, 1, NULL, done);
    printf("no OVERLAPPED: %d, error %lu\n", ok, GetLastError());
    r = SleepEx(0, TRUE);
    printf("nothing queued: %lu\n", r);

    /* a handle opened for synchronous I/O (CreatePipe's): the call waits, then the routine is queued */
    CreatePipe(&s, &c, NULL, 0);
    WriteFile(c, "sync", 4, &n, NULL);
    calls = 0;
    memset(&ov, 0, sizeof ov);
    ok = ReadFileEx(s, buf, sizeof buf, &ov, done);
    printf("ReadFileEx on a synchronous pipe: %d, Internal %08lx, InternalHigh %lu, %d call(s)\n", ok, (unsigned long)ov.Internal,
        (unsigned long)ov.InternalHigh, calls);
    wait_calls(1, "synchronous read");
    CloseHandle(c);
    CloseHandle(s);

    /* a disk file, at the OVERLAPPED's offset */
    f = CreateFileW(L"io_readfileex.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
        FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    calls = 0;
    memset(&ov, 0, sizeof ov);
    ok = WriteFileEx(f, "hello world", 11, &ov, done);
    printf("WriteFileEx on a file: %d\n", ok);
    wait_calls(1, "file write");
    calls = 0;
    memset(&ov, 0, sizeof ov);
    ov.Offset = 6;
    memset(buf, 0, sizeof buf);
    ok = ReadFileEx(f, buf, sizeof buf, &ov, done);
    printf("ReadFileEx at offset 6: %d\n", ok);
    wait_calls(1, "file read");
    printf("data \"%s\", Internal %08lx, InternalHigh %lu\n", buf, (unsigned long)ov.Internal, (unsigned long)ov.InternalHigh);
    calls = 0;
    memset(&ov, 0, sizeof ov);
    ov.Offset = 6;
    ok = WriteFileEx(f, "WORLD!", 6, &ov, done);
    wait_calls(1, "file write at offset 6");
    calls = 0;
    memset(&ov, 0, sizeof ov);
    memset(buf, 0, sizeof buf);
    ok = ReadFileEx(f, buf, sizeof buf, &ov, done);
    wait_calls(1, "file read at 0");
    printf("data \"%s\"\n", buf);
    calls = 0;
    memset(&ov, 0, sizeof ov);
    ov.Offset = 12;
    SetLastError(0xdeadbeef);
    ok = ReadFileEx(f, buf, sizeof buf, &ov, done);
    printf("ReadFileEx at the end: %d, error %lu\n", ok, ok ? 0 : GetLastError());
    r = SleepEx(0, TRUE);
    printf("SleepEx(0, TRUE): %lu, %d call(s), error %lu, %lu bytes, Internal %08lx\n", r, calls, last_error, last_bytes,
        (unsigned long)ov.Internal);
    CloseHandle(f);

    CloseHandle(ev);
    return 0;
}
