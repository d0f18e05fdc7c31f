// Anonymous and named pipes, and ReadFile/WriteFile/CreateFileW on them (issue 5). 500..549.
// ReadFile/WriteFile/CreateFile are host shims (host/syscalls/file-io.ts): console handles go to the
// console, disk files to the file layer (host/syscalls/files.ts), pipes to the kernel in scratch-sized
// chunks; CreateFile sends \\.\pipe\ paths to the kernel (ntw_pipe_open) and the rest to the file layer.
import { astr, call, handle, opt, out, ptr, sa, u32, wa, wstr, type Entry } from "./params.ts";
import type { Param } from "../types.ts";

const createFileParams = (name: Param) => [name, u32("dwDesiredAccess"), u32("dwShareMode"), sa("lpSecurityAttributes"),
  u32("dwCreationDisposition"), u32("dwFlagsAndAttributes"), handle("hTemplateFile")];

const INVALID_HANDLE_VALUE = 0xffffffff;

export const PIPES: Entry[] = [
  call(500, "CreatePipe", "BOOL", [out("hReadPipe", "PHANDLE"), out("hWritePipe", "PHANDLE"), sa("lpPipeAttributes"), u32("nSize")],
    "Creates an anonymous pipe: a read end and a write end (nSize 0: a 4,096-byte buffer). Reads on an " +
    "empty pipe block; ERROR_BROKEN_PIPE once the write end is closed and the data is drained, writes " +
    "ERROR_NO_DATA once the read end is closed."),
  ...wa(501, "CreateNamedPipe", "HANDLE", (n) => [n, u32("dwOpenMode"), u32("dwPipeMode"), u32("nMaxInstances"),
    u32("nOutBufferSize"), u32("nInBufferSize"), u32("nDefaultTimeOut"), sa("lpSecurityAttributes")],
    "Creates an instance of the named pipe \\\\.\\pipe\\name (names are case-insensitive): PIPE_ACCESS_*, " +
    "PIPE_TYPE_BYTE/MESSAGE, PIPE_READMODE_*, PIPE_WAIT/NOWAIT, 1..255 instances (PIPE_UNLIMITED_INSTANCES). " +
    "INVALID_HANDLE_VALUE on failure: ERROR_PIPE_BUSY when every instance exists, ERROR_ACCESS_DENIED for " +
    "FILE_FLAG_FIRST_PIPE_INSTANCE or another open mode, ERROR_PATH_NOT_FOUND for other paths.").map((e) => ({ ...e, fail: INVALID_HANDLE_VALUE })),
  call(503, "ConnectNamedPipe", "BOOL", [handle("hNamedPipe"), ptr("lpOverlapped", "LPOVERLAPPED")],
    "Waits for a client on a server instance (PIPE_NOWAIT: ERROR_PIPE_LISTENING at once). ERROR_PIPE_CONNECTED " +
    "when a client came first, ERROR_NO_DATA when it came and went. With lpOverlapped: FALSE with " +
    "ERROR_IO_PENDING while no client has come (the OVERLAPPED's event is set when one does).", { impl: "host" }),
  call(504, "DisconnectNamedPipe", "BOOL", [handle("hNamedPipe")],
    "Ends the connection of a server instance and drops unread data; the client's end then fails with " +
    "ERROR_PIPE_NOT_CONNECTED. ERROR_PIPE_NOT_CONNECTED when already disconnected."),
  ...wa(505, "WaitNamedPipe", "BOOL", (n) => [n, u32("nTimeOut")],
    "Waits until an instance of the pipe is listening for a client (NMPWAIT_USE_DEFAULT_WAIT: the pipe's " +
    "default timeout; NMPWAIT_WAIT_FOREVER). ERROR_FILE_NOT_FOUND without instances, ERROR_SEM_TIMEOUT on timeout."),
  call(507, "SetNamedPipeHandleState", "BOOL", [handle("hNamedPipe"), opt(out("lpMode", "LPDWORD")),
    ptr("lpMaxCollectionCount", "LPDWORD"), ptr("lpCollectDataTimeout", "LPDWORD")],
    "Sets the read mode (PIPE_READMODE_BYTE/MESSAGE; message only on message pipes, ERROR_INVALID_PARAMETER " +
    "otherwise and for unknown bits) and PIPE_WAIT/NOWAIT of one end; lpMode NULL changes nothing. The collection " +
    "parameters concern remote pipes and are ignored."),
  call(508, "PeekNamedPipe", "BOOL", [handle("hNamedPipe"), opt(out("lpBuffer", "LPVOID", "nBufferSize", 0x10000)), u32("nBufferSize"),
    opt(out("lpBytesRead", "LPDWORD")), opt(out("lpTotalBytesAvail", "LPDWORD")), opt(out("lpBytesLeftThisMessage", "LPDWORD"))],
    "Copies data without removing it (from the first message only on message pipes; at most 65,536 bytes) " +
    "and reports the bytes available and the bytes left in the first message. Never blocks. ERROR_BAD_PIPE on a " +
    "listening server, ERROR_PIPE_NOT_CONNECTED after DisconnectNamedPipe; once the other end closed, what is " +
    "left can still be peeked, then ERROR_BROKEN_PIPE. Standard input fed by a pipe or file (SpawnOptions.stdinPipe) " +
    "peeks the same way."),
  call(509, "TransactNamedPipe", "BOOL", [handle("hNamedPipe"), ptr("lpInBuffer", "LPVOID"), u32("nInBufferSize"),
    ptr("lpOutBuffer", "LPVOID"), u32("nOutBufferSize"), ptr("lpBytesRead", "LPDWORD"), ptr("lpOverlapped", "LPOVERLAPPED")],
    "Writes one message and reads one reply on a message-mode end (ERROR_BAD_PIPE otherwise, ERROR_PIPE_BUSY " +
    "when unread data is waiting); ERROR_MORE_DATA when the reply is longer. With lpOverlapped the write " +
    "completes at once and the read is overlapped.",
    { impl: "host" }),
  call(510, "CallNamedPipeW", "BOOL", [ptr("lpNamedPipeName", "LPCWSTR"), ptr("lpInBuffer", "LPVOID"), u32("nInBufferSize"),
    ptr("lpOutBuffer", "LPVOID"), u32("nOutBufferSize"), ptr("lpBytesRead", "LPDWORD"), u32("nTimeOut")],
    "Connects to a message pipe (waiting up to nTimeOut when every instance is busy), transacts one " +
    "message and closes.", { impl: "host" }),
  call(511, "CallNamedPipeA", "BOOL", [ptr("lpNamedPipeName", "LPCSTR"), ptr("lpInBuffer", "LPVOID"), u32("nInBufferSize"),
    ptr("lpOutBuffer", "LPVOID"), u32("nOutBufferSize"), ptr("lpBytesRead", "LPDWORD"), u32("nTimeOut")],
    "ANSI (UTF-8) form of CallNamedPipeW.", { impl: "host" }),
  call(512, "GetNamedPipeInfo", "BOOL", [handle("hNamedPipe"), opt(out("lpFlags", "LPDWORD")), opt(out("lpOutBufferSize", "LPDWORD")),
    opt(out("lpInBufferSize", "LPDWORD")), opt(out("lpMaxInstances", "LPDWORD"))],
    "PIPE_SERVER_END / PIPE_CLIENT_END | PIPE_TYPE_MESSAGE, the buffer sizes and the instance limit."),
  call(517, "GetNamedPipeHandleStateW", "BOOL", [handle("hNamedPipe"), opt(out("lpState", "LPDWORD")), opt(out("lpCurInstances", "LPDWORD")),
    ptr("lpMaxCollectionCount", "LPDWORD"), ptr("lpCollectDataTimeout", "LPDWORD"), ptr("lpUserName", "LPWSTR"),
    u32("nMaxUserNameSize")],
    "This end's PIPE_READMODE_MESSAGE / PIPE_NOWAIT bits and the pipe's current instance count (1 for an anonymous " +
    "pipe); each output may be NULL. Every pipe is local, so the collection parameters and the user name must be " +
    "NULL: ERROR_INVALID_PARAMETER otherwise (as Windows answers for local pipes)."),
  call(518, "GetNamedPipeHandleStateA", "BOOL", [handle("hNamedPipe"), opt(out("lpState", "LPDWORD")), opt(out("lpCurInstances", "LPDWORD")),
    ptr("lpMaxCollectionCount", "LPDWORD"), ptr("lpCollectDataTimeout", "LPDWORD"), ptr("lpUserName", "LPSTR"),
    u32("nMaxUserNameSize")],
    "ANSI form of GetNamedPipeHandleStateW.", { kernel: "GetNamedPipeHandleStateW" }),
  call(519, "GetNamedPipeClientProcessId", "BOOL", [handle("Pipe"), opt(out("ClientProcessId", "PULONG"))],
    "The process id of the client end's opener, from either end while connected (and after the other end closed). " +
    "ERROR_NOT_FOUND on a server with no client (listening, disconnected), ERROR_PIPE_NOT_CONNECTED on a " +
    "disconnected client, ERROR_INSUFFICIENT_BUFFER for a NULL pointer."),
  call(520, "GetNamedPipeServerProcessId", "BOOL", [handle("Pipe"), opt(out("ServerProcessId", "PULONG"))],
    "The process id of the server end's creator (an anonymous pipe's: CreatePipe's caller); " +
    "ERROR_PIPE_NOT_CONNECTED on a disconnected client."),
  call(521, "GetNamedPipeClientSessionId", "BOOL", [handle("Pipe"), opt(out("ClientSessionId", "PULONG"))],
    "1 (every process is in session 1), with the errors of GetNamedPipeClientProcessId."),
  call(522, "GetNamedPipeServerSessionId", "BOOL", [handle("Pipe"), opt(out("ServerSessionId", "PULONG"))],
    "1 (every process is in session 1), with the errors of GetNamedPipeServerProcessId."),
  call(513, "ReadFile", "BOOL", [handle("hFile"), ptr("lpBuffer", "LPVOID"), u32("nNumberOfBytesToRead"),
    ptr("lpNumberOfBytesRead", "LPDWORD"), ptr("lpOverlapped", "LPOVERLAPPED")],
    "Reads from a pipe (blocks until data, returns what is there; message read mode: one message, " +
    "ERROR_MORE_DATA with a partial count when it is longer than the buffer, the rest comes with the next " +
    "reads; an empty message is a 0-byte read in either mode; with an OVERLAPPED a partial message leaves the count " +
    "0, the bytes are in InternalHigh, and a call that fails at once leaves Internal STATUS_PENDING), a file (from " +
    "the file pointer, which moves on) or the console input (a line). With an OVERLAPPED on a handle opened for " +
    "synchronous I/O (CreatePipe's, no FILE_FLAG_OVERLAPPED) it waits, then fills in the OVERLAPPED; without one on a " +
    "file opened with FILE_FLAG_OVERLAPPED it fails with ERROR_INVALID_PARAMETER.",
    { impl: "host" }),
  call(514, "WriteFile", "BOOL", [handle("hFile"), ptr("lpBuffer", "LPCVOID"), u32("nNumberOfBytesToWrite"),
    ptr("lpNumberOfBytesWritten", "LPDWORD"), ptr("lpOverlapped", "LPOVERLAPPED")],
    "Writes to a pipe (on a message pipe one call is one message; overlapped reads pending on the other end " +
    "get the data first, oldest first, and complete inside the call), a file (at the file pointer; at the end " +
    "for append-only handles) or, as UTF-8 text, to a console output handle.", { impl: "host" }),
  call(515, "CreateFileW", "HANDLE", createFileParams(wstr("lpFileName")),
    "Opens or creates a file or directory under C:\\ (every creation disposition; share modes across processes; " +
    "FILE_FLAG_BACKUP_SEMANTICS for directories; FILE_FLAG_OVERLAPPED; FILE_FLAG_DELETE_ON_CLOSE, which adds DELETE " +
    "to the access and deletes the file at the last close of that open) or the client end of a named pipe " +
    "(\\\\.\\pipe\\name; byte read mode; ERROR_PIPE_BUSY when no instance is listening; \\\\.\\pipe\\ itself is the " +
    "named-pipe file system, for NtFsControlFile's FSCTL_PIPE_WAIT and NtCreateNamedPipeFile's RootDirectory). Paths are resolved by " +
    "host/files/ and never leave the root. ERROR_ALREADY_EXISTS after CREATE_ALWAYS/OPEN_ALWAYS found the file; " +
    "ERROR_ACCESS_DENIED for a delete-pending file.",
    { impl: "host", fail: INVALID_HANDLE_VALUE }),
  call(516, "CreateFileA", "HANDLE", createFileParams(astr("lpFileName")), "ANSI (UTF-8) form of CreateFileW.",
    { impl: "host", fail: INVALID_HANDLE_VALUE }),
];
