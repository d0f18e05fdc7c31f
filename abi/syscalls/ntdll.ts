// The NT native object API (issue 13 item 4): ntdll's Nt* services with NTSTATUS results, over the same
// namespace, objects and wait engine as the kernel32 calls. Names come in an OBJECT_ATTRIBUTES (kind
// "oa": the host checks it and copies the UNICODE_STRING's characters in); LARGE_INTEGER timeouts are
// 8-byte in-buffers (NULL: infinite, negative: relative in 100 ns, positive: an absolute FILETIME).
import { call, handle, i32, inBuf, oa, opt, out, outAt, ptr, u32, ustr, ustrOut, type Entry } from "./params.ts";

const ntdll = { module: "ntdll" } as const;
const phandle = (name: string) => out(name, "PHANDLE");
const access = () => u32("DesiredAccess", "ACCESS_MASK");
/** A LARGE_INTEGER timeout: NULL is infinite, except for NtSetTimer's DueTime and NtDelayExecution (the kernel refuses those). */
const timeout = (name = "Timeout") => opt(inBuf(name, "PLARGE_INTEGER", "8", 8));
/** NtQueryEvent/Mutant/Semaphore: class, buffer, its length, the length written (the kernel checks them in that order). */
const query = (cls: string) => [u32(`${cls}InformationClass`, `${cls.toUpperCase()}_INFORMATION_CLASS`),
  opt(out(`${cls}Information`, "PVOID", `${cls}InformationLength`, 64)), u32(`${cls}InformationLength`, "ULONG"),
  opt(out("ReturnLength", "PULONG"))];

export const NTDLL: Entry[] = [
  // --- events (440..) ---
  call(440, "NtCreateEvent", "NTSTATUS", [phandle("EventHandle"), access(), oa(), u32("EventType", "EVENT_TYPE"), i32("InitialState", "BOOLEAN")],
    "Creates an event (NotificationEvent: manual reset, SynchronizationEvent: auto reset), named by the OBJECT_ATTRIBUTES " +
    "or unnamed. An existing name: STATUS_OBJECT_NAME_EXISTS with OBJ_OPENIF, else STATUS_OBJECT_NAME_COLLISION.", ntdll),
  call(441, "NtOpenEvent", "NTSTATUS", [phandle("EventHandle"), access(), oa()], "Opens an existing named event.", ntdll),
  call(442, "NtClearEvent", "NTSTATUS", [handle("EventHandle")], "Unsignals an event (NtResetEvent without the previous state).", ntdll),
  call(443, "NtQueryEvent", "NTSTATUS", [handle("EventHandle"), ...query("Event")],
    "EventBasicInformation (0): EVENT_BASIC_INFORMATION { EventType, EventState }; needs EVENT_QUERY_STATE.", ntdll),

  // --- mutants (450..) ---
  call(450, "NtCreateMutant", "NTSTATUS", [phandle("MutantHandle"), access(), oa(), i32("InitialOwner", "BOOLEAN")],
    "Creates a mutant (mutex), owned by the caller when InitialOwner; names as NtCreateEvent.", ntdll),
  call(451, "NtOpenMutant", "NTSTATUS", [phandle("MutantHandle"), access(), oa()], "Opens an existing named mutant.", ntdll),
  call(452, "NtReleaseMutant", "NTSTATUS", [handle("MutantHandle"), opt(out("PreviousCount", "PLONG"))],
    "Releases one level of ownership; PreviousCount is the count before (0 when held once, negative when held " +
    "recursively). STATUS_MUTANT_NOT_OWNED for other threads.", ntdll),
  call(453, "NtQueryMutant", "NTSTATUS", [handle("MutantHandle"), ...query("Mutant")],
    "MutantBasicInformation (0): MUTANT_BASIC_INFORMATION { CurrentCount, OwnedByCaller, AbandonedState }.", ntdll),

  // --- semaphores (460..) ---
  call(460, "NtCreateSemaphore", "NTSTATUS", [phandle("SemaphoreHandle"), access(), oa(), i32("InitialCount", "LONG"), i32("MaximumCount", "LONG")],
    "Creates a semaphore (0 <= initial <= maximum, maximum > 0, else STATUS_INVALID_PARAMETER); names as NtCreateEvent.", ntdll),
  call(461, "NtOpenSemaphore", "NTSTATUS", [phandle("SemaphoreHandle"), access(), oa()], "Opens an existing named semaphore.", ntdll),
  call(462, "NtReleaseSemaphore", "NTSTATUS", [handle("SemaphoreHandle"), i32("ReleaseCount", "LONG"), opt(out("PreviousCount", "PLONG"))],
    "Adds to the count; past the maximum STATUS_SEMAPHORE_LIMIT_EXCEEDED and nothing changes.", ntdll),
  call(463, "NtQuerySemaphore", "NTSTATUS", [handle("SemaphoreHandle"), ...query("Semaphore")],
    "SemaphoreBasicInformation (0): SEMAPHORE_BASIC_INFORMATION { CurrentCount, MaximumCount }.", ntdll),

  // --- timers (465..) ---
  call(465, "NtCreateTimer", "NTSTATUS", [phandle("TimerHandle"), access(), oa(), u32("TimerType", "TIMER_TYPE")],
    "Creates an inactive timer: NotificationTimer (0, manual reset) or SynchronizationTimer (1); names as NtCreateEvent.", ntdll),
  call(466, "NtOpenTimer", "NTSTATUS", [phandle("TimerHandle"), access(), oa()], "Opens an existing named timer.", ntdll),
  call(467, "NtSetTimer", "NTSTATUS", [handle("TimerHandle"), timeout("DueTime"), ptr("TimerApcRoutine", "PTIMER_APC_ROUTINE"),
    ptr("TimerContext", "PVOID"), i32("ResumeTimer", "BOOLEAN"), i32("Period", "LONG"), opt(out("PreviousState", "PBOOLEAN", "1", 1))],
    "Arms a timer as SetWaitableTimer does (the routine is queued as an APC to the caller); PreviousState is whether it " +
    "was signaled. ResumeTimer: STATUS_TIMER_RESUME_IGNORED (there is no power management).", ntdll),
  call(468, "NtCancelTimer", "NTSTATUS", [handle("TimerHandle"), opt(out("CurrentState", "PBOOLEAN", "1", 1))],
    "Deactivates a timer; CurrentState is whether it is signaled.", ntdll),
  call(469, "NtQueryTimer", "NTSTATUS", [handle("TimerHandle"), ...query("Timer")],
    "TimerBasicInformation (0): TIMER_BASIC_INFORMATION { RemainingTime (100 ns, 0 when inactive), TimerState }.", ntdll),

  // --- waits (470..) ---
  call(470, "NtWaitForSingleObject", "NTSTATUS", [handle("Handle"), i32("Alertable", "BOOLEAN"), timeout()],
    "Waits for one object: STATUS_WAIT_0, STATUS_ABANDONED_WAIT_0, STATUS_TIMEOUT, STATUS_USER_APC (alertable, after " +
    "running the queued APCs) or an error.", { ...ntdll, alertable: true }),
  call(471, "NtWaitForMultipleObjects", "NTSTATUS", [u32("Count", "ULONG"), inBuf("Handles", "const HANDLE *", "Count * 4", 256),
    u32("WaitType", "WAIT_TYPE"), i32("Alertable", "BOOLEAN"), timeout()],
    "WaitAll (0) or WaitAny (1) for 1..64 objects: STATUS_WAIT_0 + index (WaitAny), STATUS_TIMEOUT, STATUS_USER_APC...",
    { ...ntdll, alertable: true }),
  call(472, "NtSignalAndWaitForSingleObject", "NTSTATUS", [handle("SignalHandle"), handle("WaitHandle"), i32("Alertable", "BOOLEAN"), timeout()],
    "Signals an event, mutant or semaphore and waits for another object as one step.", { ...ntdll, alertable: true }),
  call(473, "NtDelayExecution", "NTSTATUS", [i32("Alertable", "BOOLEAN"), timeout("DelayInterval")],
    "Sleeps for the interval (relative or absolute; 0 yields): STATUS_SUCCESS, or STATUS_USER_APC when alertable.",
    { ...ntdll, alertable: true }),

  // --- APCs and alerts (490..) ---
  call(490, "NtQueueApcThread", "NTSTATUS", [handle("ThreadHandle"), ptr("ApcRoutine", "PNTAPCFUNC"), u32("ApcArgument1", "ULONG_PTR"),
    u32("ApcArgument2", "ULONG_PTR"), u32("ApcArgument3", "ULONG_PTR")],
    "Queues ApcRoutine(ApcArgument1, ApcArgument2, ApcArgument3) to a thread (THREAD_SET_CONTEXT); it runs in the " +
    "thread's next alertable wait, which returns STATUS_USER_APC. STATUS_UNSUCCESSFUL for a thread that has ended.", ntdll),
  call(491, "NtTestAlert", "NTSTATUS", [],
    "Runs the calling thread's queued APCs now and returns STATUS_SUCCESS; STATUS_ALERTED (the alert cleared, the " +
    "APCs left for the next alertable wait) when NtAlertThread alerted it.", { ...ntdll, impl: "host" }),
  call(492, "NtAlertThread", "NTSTATUS", [handle("ThreadHandle")],
    "Alerts a thread (THREAD_ALERT): its alertable wait ends with STATUS_ALERTED, or its next one does, at once " +
    "(an alert wins over queued APCs); NtTestAlert clears it.", ntdll),

  // --- directories (475..) ---
  call(475, "NtOpenDirectoryObject", "NTSTATUS", [phandle("DirectoryHandle"), access(), oa()],
    "Opens an object directory (\\BaseNamedObjects, \\Sessions\\1\\BaseNamedObjects, \\??...), for use as an " +
    "OBJECT_ATTRIBUTES.RootDirectory.", ntdll),

  call(476, "NtCreateDirectoryObject", "NTSTATUS", [phandle("DirectoryHandle"), access(), oa()],
    "Creates an object directory, unnamed or named (a temporary one: it leaves the namespace with its last handle and " +
    "lives while it holds names).", ntdll),
  call(477, "NtQueryDirectoryObject", "NTSTATUS", [handle("DirectoryHandle"), opt(outAt("Buffer", "PVOID", "Length", 0x10100)),
    u32("Length", "ULONG"), i32("ReturnSingleEntry", "BOOLEAN"), i32("RestartScan", "BOOLEAN"), opt(out("Context", "PULONG")),
    opt(out("ReturnLength", "PULONG"))],
    "Lists a directory (DIRECTORY_QUERY) from entry *Context (0 with RestartScan): OBJECT_DIRECTORY_INFORMATION " +
    "{ Name, TypeName } entries ended by an empty one, their strings after them. One entry or as many as fit: " +
    "STATUS_MORE_ENTRIES when some were left, STATUS_NO_MORE_ENTRIES past the end, STATUS_BUFFER_TOO_SMALL when " +
    "not even one fits (ReturnLength: the size it needs).", ntdll),

  // --- handles, status codes (480..) ---
  call(480, "NtDuplicateObject", "NTSTATUS", [handle("SourceProcessHandle"), handle("SourceHandle"), handle("TargetProcessHandle"),
    opt(out("TargetHandle", "PHANDLE")), access(), u32("HandleAttributes", "ULONG"), u32("Options", "ULONG")],
    "Duplicates a handle: HandleAttributes OBJ_INHERIT; Options DUPLICATE_CLOSE_SOURCE, DUPLICATE_SAME_ACCESS, " +
    "DUPLICATE_SAME_ATTRIBUTES. TargetHandle may be NULL (with DUPLICATE_CLOSE_SOURCE, to close another process's handle).", ntdll),
  call(482, "NtQueryObject", "NTSTATUS", [handle("Handle"), u32("ObjectInformationClass", "OBJECT_INFORMATION_CLASS"),
    opt(outAt("ObjectInformation", "PVOID", "ObjectInformationLength", 0x10100)), u32("ObjectInformationLength", "ULONG"),
    opt(out("ReturnLength", "PULONG"))],
    "ObjectBasicInformation (0: attributes, granted access, handle and reference counts), ObjectNameInformation " +
    "(1: the full path, e.g. \\Sessions\\1\\BaseNamedObjects\\x, as a UNICODE_STRING followed by its characters; " +
    "empty for an unnamed object), ObjectTypeInformation (2: the type name, generic mapping, valid access). " +
    "A buffer too small: STATUS_INFO_LENGTH_MISMATCH with the size needed in ReturnLength.", ntdll),
  call(481, "RtlNtStatusToDosError", "DWORD", [u32("Status", "NTSTATUS")],
    "The Win32 error for an NTSTATUS, from the one NTSTATUS table in abi/constants.ts; 0xC007xxxx/0x8007xxxx give xxxx, " +
    "an unknown code ERROR_MR_MID_NOT_FOUND.", ntdll),

  // --- symbolic links, temporary objects (483..486) ---
  call(483, "NtCreateSymbolicLinkObject", "NTSTATUS", [phandle("LinkHandle"), access(), oa(), ustr("LinkTarget")],
    "Creates a symbolic link to the path LinkTarget (its MaximumLength bytes are kept; MaximumLength 0, an odd Length " +
    "or Length > MaximumLength: STATUS_INVALID_PARAMETER), named as NtCreateEvent or unnamed (a NULL ObjectAttributes: " +
    "STATUS_ACCESS_VIOLATION, as from Vista on). Names through a link " +
    "resolve as NT reparses them: the target replaces the link and the rest follows (at most 63 links in one lookup, " +
    "then STATUS_OBJECT_NAME_NOT_FOUND).", ntdll),
  call(484, "NtOpenSymbolicLinkObject", "NTSTATUS", [phandle("LinkHandle"), access(), oa()],
    "Opens a symbolic link: the last component of the path is the link itself, not followed.", ntdll),
  call(485, "NtQuerySymbolicLinkObject", "NTSTATUS", [handle("LinkHandle"), ustrOut("LinkTarget"), opt(out("ReturnedLength", "PULONG"))],
    "The link's target into LinkTarget->Buffer (SYMBOLIC_LINK_QUERY), setting LinkTarget->Length. With ReturnedLength " +
    "the stored MaximumLength bytes are copied (the NUL of a target made by RtlInitUnicodeString) and ReturnedLength " +
    "is that size, also on failure; without it Length bytes. A buffer too small: STATUS_BUFFER_TOO_SMALL, nothing written.", ntdll),
  call(486, "NtMakeTemporaryObject", "NTSTATUS", [handle("Handle")],
    "Clears an object's OBJ_PERMANENT so that its name goes with its last handle; needs DELETE access (else " +
    "STATUS_ACCESS_DENIED). Only the system's namespace objects are permanent and a guest gets no DELETE on them, so on " +
    "a guest's object it succeeds and changes nothing.", ntdll),

  // --- keyed events (487..489, 496) ---
  call(487, "NtCreateKeyedEvent", "NTSTATUS", [phandle("KeyedEventHandle"), access(), oa(), u32("Flags", "ULONG")],
    "Creates a keyed event, named as NtCreateEvent or unnamed; Flags must be 0 (STATUS_INVALID_PARAMETER_4).", ntdll),
  call(488, "NtOpenKeyedEvent", "NTSTATUS", [phandle("KeyedEventHandle"), access(), oa()], "Opens an existing named keyed event.", ntdll),
  call(489, "NtWaitForKeyedEvent", "NTSTATUS", [handle("KeyedEventHandle"), ptr("Key", "PVOID"), i32("Alertable", "BOOLEAN"), timeout()],
    "Waits until a thread of the same process releases Key (an address with bit 0 clear, else STATUS_INVALID_PARAMETER_1), " +
    "or takes a release already waiting: STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_USER_APC. Needs KEYEDEVENT_WAIT; a NULL " +
    "handle is \\KernelObjects\\CritSecOutOfMemoryEvent.", { ...ntdll, alertable: true }),
  call(496, "NtReleaseKeyedEvent", "NTSTATUS", [handle("KeyedEventHandle"), ptr("Key", "PVOID"), i32("Alertable", "BOOLEAN"), timeout()],
    "Wakes one thread of the same process waiting for Key, or blocks until one comes; results and the NULL handle as " +
    "NtWaitForKeyedEvent. Needs KEYEDEVENT_WAKE.", { ...ntdll, alertable: true }),
];
