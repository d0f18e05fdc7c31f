/*
 * Pipe handle state: GetNamedPipeHandleState (mode bits, instance count, NULL outputs),
 * SetNamedPipeHandleState (read modes, PIPE_NOWAIT, collection counts ignored),
 * GetNamedPipeClient/ServerProcessId and the SessionId forms, and PeekNamedPipe in every state.
 *
 * Expected output confirmed with mingw-w64 + Wine 8.0, except the lines marked [W] below, where Wine
 * differs and the value is what Wine's dlls/kernel32/tests/pipe.c records for Windows (todo_wine
 * checks: Windows passes them, Wine does not):
 * - GetNamedPipeHandleState with the collection or user-name outputs on a local pipe:
 *   ERROR_INVALID_PARAMETER (test_NamedPipeHandleState);
 * - process/session ids: ERROR_NOT_FOUND for the client of a disconnected server,
 *   ERROR_PIPE_NOT_CONNECTED for both ids of a disconnected client (test_namedpipe_process_id,
 *   test_namedpipe_session_id); ERROR_INSUFFICIENT_BUFFER for a NULL output (the same). A server
 *   that never had a client answers as a disconnected one (no Windows record; Wine returns 0).
 * PeekNamedPipe's lpBytesLeftThisMessage on a byte pipe is 0 minus the bytes peeked, as on Windows
 * (test_CreateNamedPipe: left == -4).
 * Every ntwasm process is in session 1, as a program started from a Windows desktop usually is (and
 * as under Wine).
 */
#include <windows.h>
#include <stdio.h>

#define PIPE_NAME "\\\\.\\pipe\\ntwasm_pipe_state"

static void state(HANDLE h, const char *what)
{
    DWORD st = 0xdead, inst = 0xdead;
    BOOL ok = GetNamedPipeHandleStateA(h, &st, &inst, NULL, NULL, NULL, 0);
    printf("%s: %d state %lx instances %lu\n", what, ok, st, inst);
}

static void ids(HANDLE h, const char *what)
{
    DWORD me = GetCurrentProcessId();
    ULONG id;
    BOOL ok;
    id = 0; SetLastError(0xdeadbeef); ok = GetNamedPipeClientProcessId(h, &id);
    printf("%s: client pid %d %s", what, ok, ok ? (id == me ? "self" : "other") : "");
    if (!ok) printf("%lu", GetLastError());
    id = 0; SetLastError(0xdeadbeef); ok = GetNamedPipeServerProcessId(h, &id);
    printf(", server pid %d %s", ok, ok ? (id == me ? "self" : "other") : "");
    if (!ok) printf("%lu", GetLastError());
    id = 0; SetLastError(0xdeadbeef); ok = GetNamedPipeClientSessionId(h, &id);
    printf(", client session %d %s", ok, ok ? (id == 1 ? "1" : "other") : "");
    if (!ok) printf("%lu", GetLastError());
    id = 0; SetLastError(0xdeadbeef); ok = GetNamedPipeServerSessionId(h, &id);
    printf(", server session %d %s", ok, ok ? (id == 1 ? "1" : "other") : "");
    if (!ok) printf("%lu", GetLastError());
    printf("\n");
}

static void peek(HANDLE h, const char *what)
{
    char buf[16];
    DWORD got = 0xdead, avail = 0xdead, left = 0xdead;
    BOOL ok;
    SetLastError(0xdeadbeef);
    ok = PeekNamedPipe(h, buf, sizeof buf, &got, &avail, &left);
    if (ok) printf("%s: peek %lu of %lu, %lu left in the message\n", what, got, avail, left);
    else printf("%s: peek fails %lu, avail %lx\n", what, GetLastError(), avail);
}

static void set(HANDLE h, DWORD mode, const char *what)
{
    BOOL ok;
    SetLastError(0xdeadbeef);
    ok = SetNamedPipeHandleState(h, &mode, NULL, NULL);
    printf("%s: %d %lu\n", what, ok, ok ? 0 : GetLastError());
}

int main(void)
{
    HANDLE s, s2, c, r, w;
    DWORD st, inst, coll, timeout, n, mode;
    char user[64];
    BOOL ok;

    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, 3, 1024, 1024, 0, NULL);
    state(s, "new message server");
    ok = GetNamedPipeHandleStateA(s, NULL, NULL, NULL, NULL, NULL, 0);
    printf("all outputs NULL: %d\n", ok);
    SetLastError(0xdeadbeef);
    ok = GetNamedPipeHandleStateA(s, &st, &inst, &coll, &timeout, user, sizeof user);
    printf("collection and user name: %d %lu [W]\n", ok, ok ? 0 : GetLastError());
    SetLastError(0xdeadbeef);
    ok = GetNamedPipeHandleStateW(s, &st, NULL, &coll, NULL, NULL, 0);
    printf("collection count only (W): %d %lu [W]\n", ok, ok ? 0 : GetLastError());
    s2 = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_NOWAIT, 3, 1024, 1024, 0, NULL);
    state(s2, "second instance, PIPE_NOWAIT");
    state(s, "first instance now");
    ids(s, "listening server [W]");
    peek(s, "listening server");
    CloseHandle(s2);

    c = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    state(c, "client");
    ids(c, "client");
    ids(s, "connected server");
    peek(c, "empty client");
    WriteFile(s, "hello world", 11, &n, NULL);
    peek(c, "client, one message");
    set(c, PIPE_READMODE_MESSAGE, "client to message read");
    state(c, "client");
    mode = PIPE_READMODE_MESSAGE | PIPE_NOWAIT;
    coll = 5; timeout = 100;
    ok = SetNamedPipeHandleState(c, &mode, &coll, &timeout);
    printf("with collection counts: %d\n", ok);
    state(c, "client");
    SetLastError(0xdeadbeef);
    ok = ReadFile(c, user, 4, &n, NULL);
    printf("short read: %d %lu %lu\n", ok, GetLastError(), n);
    ok = ReadFile(c, user, sizeof user, &n, NULL);
    printf("rest: %d %lu\n", ok, n);
    SetLastError(0xdeadbeef);
    ok = ReadFile(c, user, sizeof user, &n, NULL);
    printf("nowait read on empty: %d %lu\n", ok, GetLastError());
    set(c, PIPE_READMODE_BYTE | PIPE_WAIT, "client back to byte read, wait");
    state(c, "client");
    ok = SetNamedPipeHandleState(c, NULL, NULL, NULL);
    printf("lpMode NULL: %d\n", ok);
    set(c, 0x100, "unknown bit");

    WriteFile(s, "bye", 3, &n, NULL);
    CloseHandle(s);
    peek(c, "server closed, data left");
    ids(c, "client of a closed server");
    ReadFile(c, user, sizeof user, &n, NULL);
    peek(c, "server closed, drained");
    CloseHandle(c);

    s = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 1, 1024, 1024, 0, NULL);
    set(s, PIPE_READMODE_MESSAGE, "byte server to message read");
    c = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    set(c, PIPE_READMODE_MESSAGE, "byte client to message read");
    WriteFile(c, "abc", 3, &n, NULL);
    peek(s, "byte server");
    DisconnectNamedPipe(s);
    peek(s, "disconnected server");
    peek(c, "disconnected client");
    ids(s, "disconnected server [W]");
    ids(c, "disconnected client [W]");
    SetLastError(0xdeadbeef);
    ok = GetNamedPipeServerSessionId(s, NULL);
    printf("NULL session output: %d %lu [W]\n", ok, GetLastError());
    CloseHandle(c);
    CloseHandle(s);

    CreatePipe(&r, &w, NULL, 0);
    state(r, "anonymous read end");
    ids(r, "anonymous read end");
    WriteFile(w, "xy", 2, &n, NULL);
    peek(r, "anonymous");
    CloseHandle(w);
    peek(r, "anonymous, writer closed");
    ReadFile(r, user, sizeof user, &n, NULL);
    peek(r, "anonymous, drained");
    CloseHandle(r);
    return 0;
}
