// I/O completion ports (issue 14 items 5-6): kernel/objects/completionport.ts, kernel/nt/iocompletion.ts,
// kernel/win32/iocompletion.ts. The hot pair reaches the kernel with no JavaScript between:
// PostQueuedCompletionStatus is pointer-free (bound straight to the kernel export), and
// GetQueuedCompletionStatus is the user-mode runtime's (usermode/iocompletion.ts), which checks and
// writes its out parameters in guest memory around two pointer-free kernel calls.
// GetQueuedCompletionStatusEx is the C runtime's, over NtRemoveIoCompletionEx (abi/crt/iocompletion.ts).
// 850..879.
import { call, handle, inBuf, oa, opt, out, ptr, u32, i32, type Entry } from "./params.ts";

const ntdll = { module: "ntdll" } as const;
const timeout = () => opt(inBuf("Timeout", "PLARGE_INTEGER", "8", 8)); // NULL: infinite

export const IOCOMPLETION: Entry[] = [
  call(850, "CreateIoCompletionPort", "HANDLE", [handle("FileHandle"), handle("ExistingCompletionPort"),
    u32("CompletionKey", "ULONG_PTR"), u32("NumberOfConcurrentThreads")],
    "FileHandle INVALID_HANDLE_VALUE: a new port (ExistingCompletionPort must be NULL, else ERROR_INVALID_PARAMETER) " +
    "that releases at most NumberOfConcurrentThreads threads at once (0: the number of CPUs). Otherwise associates " +
    "the pipe or disk file handle (opened with FILE_FLAG_OVERLAPPED) with ExistingCompletionPort and returns it, or " +
    "with a new port: the overlapped ReadFile/WriteFile/ConnectNamedPipe/TransactNamedPipe/NtReadFile... completions " +
    "on it then post (lpOverlapped, bytes, CompletionKey, status) packets. ERROR_INVALID_PARAMETER for a handle opened " +
    "for synchronous I/O (CreatePipe's, a console) or already associated; ERROR_INVALID_HANDLE for one that is no file."),
  call(851, "PostQueuedCompletionStatus", "BOOL", [handle("CompletionPort"), u32("dwNumberOfBytesTransferred"),
    u32("dwCompletionKey", "ULONG_PTR"), ptr("lpOverlapped", "LPOVERLAPPED")],
    "Queues a packet with status 0 (FIFO); the most recent waiting thread takes it at once if the port's " +
    "concurrency limit allows. ERROR_NO_SYSTEM_RESOURCES when 65,536 packets are queued already."),
  call(852, "GetQueuedCompletionStatus", "BOOL", [handle("CompletionPort"), ptr("lpNumberOfBytesTransferred", "LPDWORD"),
    ptr("lpCompletionKey", "PULONG_PTR"), ptr("lpOverlapped", "LPOVERLAPPED *"), u32("dwMilliseconds")],
    "Takes the next packet, waiting up to dwMilliseconds: TRUE for one with a success status; FALSE with its error " +
    "(ERROR_OPERATION_ABORTED, ERROR_BROKEN_PIPE...) and its values for one with an error status; FALSE with " +
    "*lpOverlapped NULL and WAIT_TIMEOUT, ERROR_ABANDONED_WAIT_0 (the port's last handle closed while waiting) or " +
    "ERROR_INVALID_HANDLE when none was taken. Waiting threads are released last-in first-out, and no more of the " +
    "port's threads run at once than its NumberOfConcurrentThreads: the caller becomes one of them until it " +
    "removes from another port, and counts only while it is not blocked in another wait. A bad pointer: " +
    "ERROR_NOACCESS, nothing taken. User-mode runtime: no JavaScript between the guest and the kernel.", { impl: "user" }),
  call(853, "SetFileCompletionNotificationModes", "BOOL", [handle("FileHandle"), u32("Flags", "UCHAR")],
    "FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: no packet for an overlapped call on the file that succeeds at once " +
    "(it returns TRUE); FILE_SKIP_SET_EVENT_ON_HANDLE: completions do not set the file handle's own signal " +
    "(an OVERLAPPED's event is still set). The modes stay set. Other bits: ERROR_INVALID_PARAMETER."),

  // --- ntdll (860..) ---
  call(860, "NtCreateIoCompletion", "NTSTATUS", [out("IoCompletionHandle", "PHANDLE"), u32("DesiredAccess", "ACCESS_MASK"), oa(),
    u32("NumberOfConcurrentThreads", "ULONG")],
    "Creates a port (named by the OBJECT_ATTRIBUTES or unnamed; names as NtCreateEvent); NumberOfConcurrentThreads 0 " +
    "is the number of CPUs. IO_COMPLETION_QUERY_STATE (1), IO_COMPLETION_MODIFY_STATE (2), IO_COMPLETION_ALL_ACCESS.", ntdll),
  call(861, "NtOpenIoCompletion", "NTSTATUS", [out("IoCompletionHandle", "PHANDLE"), u32("DesiredAccess", "ACCESS_MASK"), oa()],
    "Opens an existing named port.", ntdll),
  call(862, "NtSetIoCompletion", "NTSTATUS", [handle("IoCompletionHandle"), u32("KeyContext", "ULONG_PTR"),
    u32("ApcContext", "ULONG_PTR"), u32("IoStatus", "NTSTATUS"), u32("IoStatusInformation", "ULONG_PTR")],
    "Queues a packet {KeyContext, ApcContext, IoStatus, IoStatusInformation} (IO_COMPLETION_MODIFY_STATE); " +
    "STATUS_INSUFFICIENT_RESOURCES when 65,536 are queued already.", ntdll),
  call(863, "NtRemoveIoCompletion", "NTSTATUS", [handle("IoCompletionHandle"), out("KeyContext", "PULONG_PTR"),
    out("ApcContext", "PULONG_PTR"), out("IoStatusBlock", "PIO_STATUS_BLOCK", "8", 8), timeout()],
    "Takes the next packet, waiting up to Timeout (NULL: forever): STATUS_SUCCESS with its key, value and " +
    "IO_STATUS_BLOCK, STATUS_TIMEOUT, STATUS_ABANDONED_WAIT_0 when the port's last handle closed meanwhile. The " +
    "concurrency rule and LIFO release of GetQueuedCompletionStatus.", ntdll),
  call(864, "NtRemoveIoCompletionEx", "NTSTATUS", [handle("IoCompletionHandle"),
    opt(out("IoCompletionInformation", "PFILE_IO_COMPLETION_INFORMATION", "Math.min(Count >>> 0, 1024) * 16", 16384)), u32("Count", "ULONG"),
    opt(out("NumEntriesRemoved", "PULONG")), timeout(), i32("Alertable", "BOOLEAN")],
    "Takes up to Count packets (at most 1,024 a call; Count 0: STATUS_INVALID_PARAMETER) as FILE_IO_COMPLETION_INFORMATION " +
    "{ CompletionKey, CompletionValue, IoStatusBlock }, waiting for the first; *NumEntriesRemoved says how many. " +
    "Alertable: STATUS_USER_APC after running queued APCs (before looking at the port when the thread is not yet " +
    "one of its threads; a queued packet wins once it is).", { ...ntdll, alertable: true }),
  call(865, "NtQueryIoCompletion", "NTSTATUS", [handle("IoCompletionHandle"), u32("IoCompletionInformationClass",
    "IO_COMPLETION_INFORMATION_CLASS"), opt(out("IoCompletionInformation", "PVOID", "IoCompletionInformationLength", 64)),
    u32("IoCompletionInformationLength", "ULONG"), opt(out("ResultLength", "PULONG"))],
    "IoCompletionBasicInformation (0): IO_COMPLETION_BASIC_INFORMATION { LONG Depth }, the packets queued " +
    "(IO_COMPLETION_QUERY_STATE); another length STATUS_INFO_LENGTH_MISMATCH.", ntdll),
];
