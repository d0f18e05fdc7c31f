// Services: door-like calls between processes (issue 14; docs/services.md). 1100..1129, module ntwasm.
// A server creates a named Service and accepts requests from it; a client opens it by name and calls it
// with an input buffer, an output buffer, an inline argument and up to 8 handles. The data goes through
// kernel memory (guest memories of two processes are different Wasm memories): SvcCall/SvcCallAsync,
// SvcRead/SvcWrite and SvcFinish are host shims (host/syscalls/service.ts) that copy between the guest
// and the request's staging blocks; the kernel (kernel/nt/service.ts) owns every object and state.
import { call, handle, i32, out, ptr, u32, wa, type Entry } from "./params.ts";

const ntwasm = (e: Entry): Entry => ({ ...e, module: "ntwasm" });
const host = (e: Entry): Entry => ({ ...e, module: "ntwasm", impl: "host" });

export const SERVICES: Entry[] = [
  ...wa(1100, "SvcCreate", "HANDLE", (n) => [n, u32("dwQueueLimit"), u32("dwFlags")],
    "Creates a service, named in the object namespace like an event (lpName NULL: unnamed, reached through " +
    "handles), and returns a handle with SVC_ALL_ACCESS: the caller is its server. dwQueueLimit: requests " +
    "that may wait for a server thread (0: SVC_DEFAULT_QUEUE_LIMIT, at most SVC_MAX_QUEUE_LIMIT); dwFlags must " +
    "be 0. ERROR_ALREADY_EXISTS when a service has the name, ERROR_INVALID_HANDLE when another object has it. " +
    "The handle is signaled while requests are queued. When the last handle with SVC_ACCEPT closes (or its " +
    "process ends), the service is gone: its name leaves the namespace and every queued and accepted call " +
    "fails with RPC_S_SERVER_UNAVAILABLE.").map(ntwasm),
  ...wa(1102, "SvcOpen", "HANDLE", (n) => [n, u32("dwMilliseconds")],
    "Opens the service of that name for calls (SVC_CONNECT), waiting up to dwMilliseconds for a server to " +
    "create it (INFINITE: forever). 0: ERROR_FILE_NOT_FOUND at once when there is none; ERROR_TIMEOUT when " +
    "none came in time.").map(ntwasm),
  ntwasm(call(1104, "SvcAccept", "HANDLE", [handle("hService"), out("lpInfo", "PSVC_REQUEST_INFO", "56", 56), u32("dwMilliseconds")],
    "Takes the oldest queued request of a service (SVC_ACCEPT), waiting up to dwMilliseconds for one, and " +
    "returns the request's handle (SVC_REQUEST_SERVE | SYNCHRONIZE, signaled once the call has ended) with its " +
    "header in *lpInfo (may be NULL): the caller's process and thread ids, Argument, InputSize, OutputSize and " +
    "the call's handles, already duplicated into this process. A call made while server threads wait here goes " +
    "straight to the one that waited last. NULL with ERROR_TIMEOUT when none came in time.")),
  host(call(1105, "SvcRead", "BOOL", [handle("hRequest"), u32("dwOffset"), ptr("lpBuffer", "LPVOID"), u32("nBytes"),
    ptr("lpRead", "LPDWORD")],
    "Copies nBytes of the caller's input from dwOffset, any number of times. ERROR_INVALID_PARAMETER (nothing " +
    "copied) when the range is outside [0, InputSize); ERROR_REQUEST_ABORTED once the caller cancelled, timed out " +
    "or died, or the service is gone; ERROR_REPLY_MESSAGE_MISMATCH after SvcReply.")),
  host(call(1106, "SvcWrite", "BOOL", [handle("hRequest"), u32("dwOffset"), ptr("lpBuffer", "LPCVOID"), u32("nBytes")],
    "Copies nBytes into the caller's output at dwOffset, any number of times; the caller gets bytes " +
    "[0, BytesWritten), BytesWritten being the highest offset + length written (bytes never written in that " +
    "range are 0). The errors of SvcRead, for [0, OutputSize).")),
  ntwasm(call(1107, "SvcReply", "BOOL", [handle("hRequest"), u32("dwStatus"), u32("Result", "ULONG_PTR")],
    "Ends the request: the caller's call returns TRUE with Status = dwStatus and Result. The handle still needs " +
    "CloseHandle; closing it unreplied fails the call with RPC_S_SERVER_UNAVAILABLE. The errors of SvcRead.")),
  ntwasm(call(1112, "SvcSetCompletionPort", "BOOL", [handle("hService"), handle("hPort"), u32("Key", "ULONG_PTR")],
    "Delivers the service's requests to an I/O completion port (SVC_ACCEPT; hPort needs IO_COMPLETION_MODIFY_STATE, " +
    "NULL stops it): each request that enters the queue posts one packet { Key, lpOverlapped NULL, " +
    "dwNumberOfBytesTransferred = its InputSize }, after which a server thread takes a request with SvcAccept(hService, " +
    "&info, 0) (ERROR_TIMEOUT if its caller gave up meanwhile). A call handed straight to a thread waiting in SvcAccept " +
    "posts nothing. The port is let go when the service is gone.")),
  host(call(1108, "SvcCall", "BOOL", [handle("hService"), ptr("lpCall", "const SVC_CALL *"), ptr("lpResult", "PSVC_RESULT"),
    u32("dwMilliseconds")],
    "Calls a service (SVC_CONNECT) and waits up to dwMilliseconds for the reply: TRUE with *lpResult (may be NULL) " +
    "and the output bytes the server wrote copied to lpCall->Output. FALSE with RPC_S_SERVER_UNAVAILABLE when the " +
    "service is gone, RPC_S_SERVER_TOO_BUSY when its queue is full, ERROR_TIMEOUT (the call is cancelled), " +
    "ERROR_INVALID_PARAMETER for more than SVC_MAX_HANDLES handles or more than SVC_MAX_CALL_BYTES, " +
    "ERROR_NOT_ENOUGH_QUOTA past SVC_PROCESS_QUOTA staged bytes, ERROR_INVALID_HANDLE for a bad passed handle, " +
    "ERROR_OPERATION_ABORTED after CancelSynchronousIo; on FALSE the output buffer is unchanged.")),
  host(call(1109, "SvcCallEx", "BOOL", [handle("hService"), ptr("lpCall", "const SVC_CALL *"), ptr("lpResult", "PSVC_RESULT"),
    u32("dwMilliseconds"), i32("bAlertable")],
    "SvcCall; with bAlertable, user APCs queued to the thread run during the wait and the wait then goes on for " +
    "the same call (neither sent again nor cancelled), until the reply or dwMilliseconds after the start.")),
  host(call(1110, "SvcCallAsync", "HANDLE", [handle("hService"), ptr("lpCall", "const SVC_CALL *")],
    "Starts a call and returns at once with a handle to it (SVC_REQUEST_FINISH | SYNCHRONIZE), signaled when the " +
    "call has ended; the input is copied now, lpCall->Output must stay valid until SvcFinish. Closing the last " +
    "handle before the reply cancels the call. NULL with the errors of SvcCall.")),
  host(call(1111, "SvcFinish", "BOOL", [handle("hCall"), ptr("lpResult", "PSVC_RESULT")],
    "The result of an asynchronous call, as SvcCall gives it, with the output copied to the Output buffer its " +
    "SvcCallAsync named (by the first SvcFinish in that process). ERROR_IO_INCOMPLETE while it has not ended.")),
];
