// ntdll's named-pipe and file-information calls (issue 13 item 4): NtCreateNamedPipeFile makes server
// instances of the same named-pipe objects CreateNamedPipeW makes (kernel/nt/pipe.ts), NtFsControlFile
// runs the FSCTL_PIPE_* requests on them, NtQuery/SetInformationFile the pipe and position classes.
// Results are NTSTATUS with an IO_STATUS_BLOCK { Status, Information } (8 bytes on wasm32), written only
// when a call does not fail at once. 530..559.
import { call, handle, inBuf, oa, opt, out, ptr, u32, type Entry } from "./params.ts";

const ntdll = { module: "ntdll" } as const;
const host = { module: "ntdll", impl: "host" } as const;
const iosb = () => ptr("IoStatusBlock", "PIO_STATUS_BLOCK");
const info = () => [handle("FileHandle"), iosb(), ptr("FileInformation", "PVOID"), u32("Length", "ULONG"),
  u32("FileInformationClass", "FILE_INFORMATION_CLASS")];

export const NTFILE: Entry[] = [
  call(530, "NtCreateNamedPipeFile", "NTSTATUS", [out("FileHandle", "PHANDLE"), u32("DesiredAccess", "ULONG"), oa(),
    out("IoStatusBlock", "PIO_STATUS_BLOCK", "8", 8), u32("ShareAccess", "ULONG"), u32("CreateDisposition", "ULONG"),
    u32("CreateOptions", "ULONG"), u32("NamedPipeType", "ULONG"), u32("ReadMode", "ULONG"), u32("CompletionMode", "ULONG"),
    u32("MaximumInstances", "ULONG"), u32("InboundQuota", "ULONG"), u32("OutboundQuota", "ULONG"),
    opt(inBuf("DefaultTimeout", "PLARGE_INTEGER", "8", 8))],
    "Creates a server instance of a named pipe (\\??\\pipe\\name, \\Device\\NamedPipe\\name, or name relative to a " +
    "RootDirectory opened as CreateFileW(L\"\\\\\\\\.\\\\pipe\\\\\"); case-insensitive), the same pipes as CreateNamedPipeW, so a " +
    "client's CreateFileW connects to it. ShareAccess is what clients may do: FILE_SHARE_READ (outbound), " +
    "FILE_SHARE_WRITE (inbound) or both; the handle has DesiredAccess. CreateDisposition FILE_CREATE (STATUS_ACCESS_DENIED " +
    "when the name exists), FILE_OPEN (STATUS_OBJECT_NAME_NOT_FOUND when it does not) or FILE_OPEN_IF; IoStatusBlock " +
    "Information FILE_CREATED or FILE_OPENED. CreateOptions FILE_SYNCHRONOUS_IO_ALERT/NONALERT: synchronous I/O " +
    "(waits; ALERT is not alertable here), else overlapped. NamedPipeType / ReadMode FILE_PIPE_BYTE_STREAM_* (0) or " +
    "FILE_PIPE_MESSAGE_* (1); CompletionMode FILE_PIPE_QUEUE_OPERATION (0) or FILE_PIPE_COMPLETE_OPERATION (1, " +
    "PIPE_NOWAIT); MaximumInstances (~0: unlimited) past which STATUS_INSTANCE_NOT_AVAILABLE; DefaultTimeout negative " +
    "(100 ns) for FSCTL_PIPE_WAIT / WaitNamedPipe. STATUS_INVALID_PARAMETER for another disposition, ShareAccess 0 or " +
    "with FILE_SHARE_DELETE, message read mode on a byte pipe, a mode above 1; STATUS_ACCESS_DENIED for DesiredAccess " +
    "0 or another ShareAccess than the pipe's; STATUS_OBJECT_NAME_INVALID for an empty name or one outside " +
    "\\Device\\NamedPipe; no unnamed pipes. DefaultTimeout may be NULL (the default wait).", ntdll),
  call(531, "NtFsControlFile", "NTSTATUS", [handle("FileHandle"), handle("Event"), ptr("ApcRoutine", "PIO_APC_ROUTINE"),
    ptr("ApcContext", "PVOID"), iosb(), u32("FsControlCode", "ULONG"), ptr("InputBuffer", "PVOID"), u32("InputBufferLength", "ULONG"),
    ptr("OutputBuffer", "PVOID"), u32("OutputBufferLength", "ULONG")],
    "Named-pipe file system requests. FSCTL_PIPE_LISTEN (a server waits for a client: STATUS_PIPE_CONNECTED when one " +
    "came first, STATUS_PIPE_CLOSING when it came and went, STATUS_PENDING on an overlapped handle, STATUS_ILLEGAL_FUNCTION " +
    "on a client), FSCTL_PIPE_DISCONNECT, FSCTL_PIPE_PEEK (FILE_PIPE_PEEK_BUFFER { NamedPipeState, ReadDataAvailable, " +
    "NumberOfMessages, MessageLength } and up to 65,536 bytes of Data, of the first message on a message pipe: " +
    "STATUS_BUFFER_OVERFLOW when it does not fit; STATUS_INFO_LENGTH_MISMATCH for fewer than 16 bytes), " +
    "FSCTL_PIPE_TRANSCEIVE (writes InputBuffer as a message and reads the reply into OutputBuffer, pending on an " +
    "overlapped handle; STATUS_INVALID_READ_MODE, STATUS_PIPE_BUSY with unread data), FSCTL_PIPE_WAIT on a handle to " +
    "\\Device\\NamedPipe\\ (FILE_PIPE_WAIT_FOR_BUFFER: waits in the calling thread until an instance listens, " +
    "STATUS_IO_TIMEOUT), FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE (\"ClientProcessId\", \"ServerProcessId\"). Completion as " +
    "NtReadFile: IoStatusBlock, Event (reset first), ApcRoutine(ApcContext, IoStatusBlock, 0) queued to the caller; " +
    "nothing when the call fails at once. Other codes: STATUS_NOT_SUPPORTED (STATUS_INVALID_DEVICE_REQUEST on a disk " +
    "file); the access the code names (FILE_READ_DATA for PEEK) or STATUS_ACCESS_DENIED.", host),
  call(532, "NtQueryInformationFile", "NTSTATUS", info(),
    "FilePipeInformation (ReadMode, CompletionMode), FilePipeLocalInformation (type, configuration, instances, quotas, " +
    "ReadDataAvailable, WriteQuotaAvailable, NamedPipeState, NamedPipeEnd; both need FILE_READ_ATTRIBUTES and give " +
    "STATUS_PIPE_DISCONNECTED on a disconnected client), FileStandardInformation (pipes: the quotas, the bytes to read, " +
    "DeletePending; files: the size, Directory), FilePositionInformation (files; 0 on pipes), FileModeInformation " +
    "(FILE_SYNCHRONOUS_IO_NONALERT for handles opened for synchronous I/O), FileAccessInformation. A Length below " +
    "the structure's size: STATUS_INFO_LENGTH_MISMATCH; other classes STATUS_INVALID_INFO_CLASS; a handle that is no " +
    "file STATUS_OBJECT_TYPE_MISMATCH. IoStatusBlock gets { STATUS_SUCCESS, the size written }.", host),
  call(533, "NtSetInformationFile", "NTSTATUS", info(),
    "FilePipeInformation (ReadMode FILE_PIPE_MESSAGE_MODE only on message pipes, CompletionMode; values above 1 " +
    "STATUS_INVALID_PARAMETER; needs FILE_WRITE_ATTRIBUTES) and FilePositionInformation (disk files: the file " +
    "pointer; a negative offset STATUS_INVALID_PARAMETER). Lengths and other classes as NtQueryInformationFile.", host),
];
