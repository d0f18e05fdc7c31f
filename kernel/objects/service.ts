// Service: a named endpoint that server threads accept calls from (docs/services.md; services in
// nt/service.ts). It holds the FIFO of queued requests and the list of accepted ones. Server threads
// waiting in SvcAccept sleep in its wait queue with Thread.svcAccepting set; a call finds the one that
// waited last there and hands its request over directly (nt/service.ts svcSubmit).
//
// It is signaled while requests are queued, for guests that wait on it among other objects; threads in
// SvcAccept never see that signal (they are handed requests instead). Handles are counted by right:
// `servers` counts those with SVC_ACCEPT. When that count drops to 0 the service is closed for good
// (svcShutdown in nt/service.ts): its name leaves the namespace, so a new server may take it.
//
// One Service is internal: the anchor (Root.svcAnchor), never named nor in a handle table, on which
// SvcOpen sleeps while no service has the name it wants; every new service pulses it.
import { ObjectHeader } from "../ob/object";
import { Thread } from "./thread";

@unmanaged
export class Service extends ObjectHeader {
  queueLimit: u32; // most requests queued at once
  queued: u32; // requests in the queue
  queueHead: usize; // queued ServiceRequests, oldest first (ServiceRequest.next/prev)
  queueTail: usize;
  activeHead: usize; // requests handed to a server thread or accepted, not ended (same links)
  servers: u32; // handles with SVC_ACCEPT
  closed: u32; // the last server handle closed: calls fail with RPC_NT_SERVER_UNAVAILABLE
  pulse: u32; // the anchor: signaled while a pulse runs
  creatorPid: u32;
  port: usize; // SvcSetCompletionPort: the CompletionPort each queued request posts a packet to (a reference), 0 for none
  portKey: u32;
}

export function serviceSignaled(s: Service, t: Thread): bool {
  return s.pulse != 0 || (s.queued != 0 && t.svcAccepting == 0);
}
