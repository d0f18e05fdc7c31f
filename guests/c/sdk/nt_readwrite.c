/*
 * NtReadFile / NtWriteFile: on a handle opened for overlapped I/O a read that must wait returns
 * STATUS_PENDING and leaves the IO_STATUS_BLOCK alone; its completion writes the IO_STATUS_BLOCK, sets
 * the event (or, without one, the file handle) and queues the APC routine to the issuing thread, which
 * runs it in an alertable wait. A call that completes at once does the same before it returns (also
 * STATUS_BUFFER_OVERFLOW for part of a message); one that fails at once (STATUS_PIPE_BROKEN,
 * STATUS_INVALID_HANDLE) touches nothing but the event, which it has reset. A handle opened for
 * synchronous I/O waits. Disk files: ByteOffset NULL or FILE_USE_FILE_POINTER_POSITION is the file
 * pointer (synchronous handles only), other negative offsets STATUS_INVALID_PARAMETER, the end of the
 * file STATUS_END_OF_FILE.
 *
 * Expected output confirmed with mingw-w64 + Wine 8.0; Wine's dlls/ntdll/tests/pipe.c (read_pipe_test,
 * test_completion) and dlls/ntdll/tests/file.c (test_read_write) record the same for Windows.
 */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

#ifndef STATUS_PENDING
#define STATUS_PENDING ((NTSTATUS)0x00000103L)
#endif

NTSTATUS NTAPI NtReadFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID, ULONG, PLARGE_INTEGER, PULONG);
NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID, ULONG, PLARGE_INTEGER, PULONG);

#define PIPE_NAME L"\\\\.\\pipe\\ntwasm_nt_readwrite"

static int apc_count;
static PIO_STATUS_BLOCK apc_iosb;
static ULONG apc_reserved;

static void NTAPI apc(PVOID context, PIO_STATUS_BLOCK iosb, ULONG reserved)
{
    (*(int *)context)++;
    apc_iosb = iosb;
    apc_reserved = reserved;
}

static const char *signaled(HANDLE h) { return WaitForSingleObject(h, 0) == WAIT_OBJECT_0 ? "signaled" : "not signaled"; }

static void show(const char *what, NTSTATUS st, IO_STATUS_BLOCK *io)
{
    printf("%s: %08lx, iosb %08lx %lu\n", what, (unsigned long)st, (unsigned long)io->Status, (unsigned long)io->Information);
}

static void reset(IO_STATUS_BLOCK *io)
{
    io->Status = (NTSTATUS)0xdeadbabe;
    io->Information = 0xdeadbeef;
}

/* Runs the queued APCs (an upper bound of 5 s for those still to come) and says how many ran. */
static void run_apcs(int expected)
{
    while (apc_count < expected && SleepEx(5000, TRUE) == WAIT_IO_COMPLETION) {}
    SleepEx(0, TRUE);
    printf("  %d APC(s)%s\n", apc_count, apc_count && apc_reserved ? ", reserved not 0" : "");
    apc_count = 0;
}

static void pipe_pair(HANDLE *s, HANDLE *c, DWORD type)
{
    *s = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, type | PIPE_WAIT, 1, 4096, 4096, 0, NULL);
    *c = CreateFileW(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
}

struct writer { HANDLE pipe, go; };

static DWORD WINAPI write_later(LPVOID p)
{
    struct writer *w = p;
    DWORD n;
    WaitForSingleObject(w->go, INFINITE);
    Sleep(50);
    WriteFile(w->pipe, "late", 4, &n, NULL);
    return 0;
}

int main(void)
{
    HANDLE s, c, ev, f, t;
    IO_STATUS_BLOCK io;
    LARGE_INTEGER off;
    char buf[64];
    DWORD n;
    NTSTATUS st;
    struct writer w;
    int i, bad;

    ev = CreateEventW(NULL, TRUE, FALSE, NULL);

    /* a pending read: nothing written until a write completes it */
    pipe_pair(&s, &c, PIPE_TYPE_BYTE);
    reset(&io);
    printf("server handle %s\n", signaled(s));
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 1, NULL, NULL);
    show("pending read", st, &io);
    printf("  handle %s, event %s, %d APC(s)\n", signaled(s), signaled(ev), apc_count);
    WriteFile(c, "x", 1, &n, NULL);
    WaitForSingleObject(ev, 5000);
    show("after the write", st, &io);
    printf("  handle %s, APC ran: %s\n", signaled(s), apc_count ? "yes" : "no");
    SleepEx(1, FALSE);
    printf("  after a non-alertable sleep: %d APC(s)\n", apc_count);
    run_apcs(1);
    printf("  the APC's IO_STATUS_BLOCK: %s\n", apc_iosb == &io ? "ours" : "other");

    /* without an event the file handle is set */
    reset(&io);
    st = NtReadFile(s, NULL, apc, &apc_count, &io, buf, 1, NULL, NULL);
    show("pending read, no event", st, &io);
    printf("  handle %s\n", signaled(s));
    WriteFile(c, "y", 1, &n, NULL);
    WaitForSingleObject(s, 5000);
    show("after the write", st, &io);
    run_apcs(1);

    /* data there: completes at once */
    ResetEvent(ev);
    WriteFile(c, "z", 1, &n, NULL);
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 1, NULL, NULL);
    show("read with data there", st, &io);
    printf("  event %s, %d APC(s) before an alertable wait\n", signaled(ev), apc_count);
    run_apcs(1);

    /* a write */
    reset(&io);
    st = NtWriteFile(c, ev, apc, &apc_count, &io, "hello", 5, NULL, NULL);
    show("write", st, &io);
    run_apcs(1);
    reset(&io);
    st = NtReadFile(s, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    show("read it", st, &io);

    /* cancelled */
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 2, NULL, NULL);
    show("pending read", st, &io);
    CancelIo(s);
    WaitForSingleObject(ev, 5000);
    show("cancelled", st, &io);
    run_apcs(1);

    /* the writer goes away while a read is pending, then a read fails at once */
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 2, NULL, NULL);
    CloseHandle(c);
    WaitForSingleObject(ev, 5000);
    show("pending read, client closed", st, &io);
    run_apcs(1);
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 1, NULL, NULL);
    show("read from the broken pipe", st, &io);
    printf("  event %s\n", signaled(ev));
    run_apcs(0);
    reset(&io);
    st = NtReadFile(s, (HANDLE)0xdeadbee0, apc, &apc_count, &io, buf, 1, NULL, NULL);
    show("a bad event handle", st, &io);
    CloseHandle(s);
    SetEvent(ev);
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 1, NULL, NULL);
    show("a closed handle", st, &io);
    printf("  event %s\n", signaled(ev));
    reset(&io);
    st = NtWriteFile(ev, NULL, NULL, NULL, &io, buf, 1, NULL, NULL);
    show("an event handle", st, &io);
    run_apcs(0);

    /* a partial message: STATUS_BUFFER_OVERFLOW, completed at once or pending */
    pipe_pair(&s, &c, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE);
    WriteFile(c, "message", 7, &n, NULL);
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 3, NULL, NULL);
    show("part of a message", st, &io);
    run_apcs(1);
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, sizeof buf, NULL, NULL);
    show("the rest", st, &io);
    run_apcs(1);
    reset(&io);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, 3, NULL, NULL);
    WriteFile(c, "second", 6, &n, NULL);
    WaitForSingleObject(ev, 5000);
    show("pending, part of a message", st, &io);
    run_apcs(1);
    CloseHandle(c);
    CloseHandle(s);

    /* a synchronous handle (CreatePipe's): the call waits, and the APC is still queued */
    CreatePipe(&s, &c, NULL, 0);
    w.pipe = c;
    w.go = CreateEventW(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 0, write_later, &w, 0, NULL);
    SetEvent(w.go);
    reset(&io);
    ResetEvent(ev);
    st = NtReadFile(s, ev, apc, &apc_count, &io, buf, sizeof buf, NULL, NULL);
    show("synchronous read that waits", st, &io);
    printf("  \"%.4s\", event %s\n", buf, signaled(ev));
    run_apcs(1);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    reset(&io);
    st = NtWriteFile(c, NULL, NULL, NULL, &io, "sync", 4, NULL, NULL);
    show("synchronous write", st, &io);
    CloseHandle(c);
    reset(&io);
    st = NtReadFile(s, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    show("synchronous read of what is left", st, &io);
    reset(&io);
    st = NtReadFile(s, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    show("synchronous read, writer gone", st, &io);
    CloseHandle(s);

    /* a disk file opened for synchronous I/O */
    f = CreateFileW(L"nt_readwrite.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    reset(&io);
    st = NtWriteFile(f, NULL, NULL, NULL, &io, "0123456789", 10, NULL, NULL);
    show("file write at the pointer", st, &io);
    printf("  pointer %lu\n", SetFilePointer(f, 0, NULL, FILE_CURRENT));
    off.QuadPart = 2;
    reset(&io);
    memset(buf, 0, sizeof buf);
    SetLastError(0xbeef);
    st = NtReadFile(f, ev, apc, &apc_count, &io, buf, 3, &off, NULL);
    show("file read at 2", st, &io);
    printf("  last-error untouched: %s\n", GetLastError() == 0xbeef ? "yes" : "no");
    printf("  \"%s\", pointer %lu, event %s\n", buf, SetFilePointer(f, 0, NULL, FILE_CURRENT), signaled(ev));
    run_apcs(1);
    off.QuadPart = -2; /* FILE_USE_FILE_POINTER_POSITION */
    reset(&io);
    memset(buf, 0, sizeof buf);
    st = NtReadFile(f, NULL, NULL, NULL, &io, buf, 2, &off, NULL);
    show("file read at the pointer (-2)", st, &io);
    printf("  \"%s\", pointer %lu\n", buf, SetFilePointer(f, 0, NULL, FILE_CURRENT));
    reset(&io);
    memset(buf, 0, sizeof buf);
    st = NtReadFile(f, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    show("file read at the pointer (NULL)", st, &io);
    printf("  \"%s\", pointer %lu\n", buf, SetFilePointer(f, 0, NULL, FILE_CURRENT));
    ResetEvent(ev);
    reset(&io);
    st = NtReadFile(f, ev, apc, &apc_count, &io, buf, sizeof buf, NULL, NULL);
    show("file read at the end", st, &io);
    printf("  event %s\n", signaled(ev));
    run_apcs(0);
    reset(&io);
    st = NtReadFile(f, NULL, NULL, NULL, &io, buf, 0, NULL, NULL);
    show("0 bytes at the end", st, &io);
    off.QuadPart = 100;
    reset(&io);
    st = NtReadFile(f, NULL, NULL, NULL, &io, buf, sizeof buf, &off, NULL);
    show("file read past the end", st, &io);
    bad = 0;
    for (i = -20; i < 0; i++) {
        if (i == -2) continue;
        off.QuadPart = i;
        reset(&io);
        st = NtReadFile(f, NULL, NULL, NULL, &io, buf, 1, &off, NULL);
        if (st != (NTSTATUS)0xc000000d || io.Status != (NTSTATUS)0xdeadbabe) bad++;
    }
    printf("other negative read offsets: %s\n", bad ? "not all STATUS_INVALID_PARAMETER" : "STATUS_INVALID_PARAMETER");
    off.QuadPart = -1; /* FILE_WRITE_TO_END_OF_FILE */
    reset(&io);
    st = NtWriteFile(f, NULL, NULL, NULL, &io, "AB", 2, &off, NULL);
    show("file write at the end (-1)", st, &io);
    printf("  pointer %lu\n", SetFilePointer(f, 0, NULL, FILE_CURRENT));
    off.QuadPart = 0;
    reset(&io);
    memset(buf, 0, sizeof buf);
    st = NtReadFile(f, NULL, NULL, NULL, &io, buf, sizeof buf, &off, NULL);
    show("the file", st, &io);
    printf("  \"%s\"\n", buf);
    CloseHandle(f);

    /* a disk file opened for overlapped I/O: ByteOffset is needed; the end of the file is its result */
    f = CreateFileW(L"nt_readwrite2.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
        FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    reset(&io);
    st = NtWriteFile(f, NULL, NULL, NULL, &io, "abc", 3, NULL, NULL);
    show("overlapped file, no offset", st, &io);
    off.QuadPart = -2;
    reset(&io);
    st = NtWriteFile(f, NULL, NULL, NULL, &io, "abc", 3, &off, NULL);
    show("overlapped file, offset -2", st, &io);
    off.QuadPart = 0;
    reset(&io);
    st = NtWriteFile(f, ev, apc, &apc_count, &io, "abcdef", 6, &off, NULL);
    if (st == STATUS_PENDING) WaitForSingleObject(ev, 5000);
    show("overlapped file write at 0 (done)", st == STATUS_PENDING ? 0 : st, &io);
    run_apcs(1);
    off.QuadPart = 4;
    reset(&io);
    memset(buf, 0, sizeof buf);
    st = NtReadFile(f, ev, apc, &apc_count, &io, buf, sizeof buf, &off, NULL);
    if (st == STATUS_PENDING) WaitForSingleObject(ev, 5000);
    show("overlapped file read at 4 (done)", st == STATUS_PENDING ? 0 : st, &io);
    printf("  \"%s\"\n", buf);
    run_apcs(1);
    off.QuadPart = 6;
    reset(&io);
    st = NtReadFile(f, ev, apc, &apc_count, &io, buf, sizeof buf, &off, NULL);
    show("overlapped file read at the end", st, &io);
    if (st == STATUS_PENDING) {
        WaitForSingleObject(ev, 5000);
        show("  its result", st, &io);
        run_apcs(1);
    }
    CloseHandle(f);

    CloseHandle(ev);
    return 0;
}
