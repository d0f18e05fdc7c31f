/*
 * Thread-pool I/O (abi/crt/threadpool.ts): CreateThreadpoolIo, StartThreadpoolIo, CancelThreadpoolIo,
 * WaitForThreadpoolIoCallbacks, CloseThreadpoolIo. The handles are associated with one completion port
 * per process, keyed by their TP_IO; an I/O thread takes the packets (GetQueuedCompletionStatusEx) and
 * queues each as a callback of its TP_IO with the OVERLAPPED, the Win32 error and the byte count. A key
 * is looked up in the list of live TP_IO objects before it is used, and a packet nobody started
 * (StartThreadpoolIo) is dropped.
 */
#include "tpinternal.h"
#include <ntwasm/ntdll.h>

static tp_list ios = { &ios, &ios };
static HANDLE io_port;

static DWORD WINAPI io_thread(LPVOID param) {
  (void)param;
  OVERLAPPED_ENTRY entries[16];
  for (;;) {
    ULONG n = 0;
    if (!GetQueuedCompletionStatusEx(io_port, entries, 16, &n, INFINITE, FALSE)) continue;
    tp_acquire();
    for (ULONG i = 0; i < n; i++) {
      tp_object *o = NULL;
      for (tp_list *e = ios.next; e != &ios; e = e->next) {
        if ((ULONG_PTR)TP_CONTAINER(e, tp_object, io_entry) == entries[i].lpCompletionKey) {
          o = TP_CONTAINER(e, tp_object, io_entry);
          break;
        }
      }
      if (!o || !o->io_expected) continue;
      o->io_expected--;
      struct tp_io_packet *pk = o->closed ? NULL : malloc(sizeof *pk);
      if (pk) {
        pk->next = NULL;
        pk->overlapped = entries[i].lpOverlapped;
        pk->result = RtlNtStatusToDosError((NTSTATUS)entries[i].Internal);
        pk->bytes = entries[i].dwNumberOfBytesTransferred;
        if (o->io_tail) o->io_tail->next = pk;
        else o->io_head = pk;
        o->io_tail = pk;
        tp_queue(o);
      }
      tp_maybe_free(o);
    }
    tp_release();
  }
  return 0;
}

PTP_IO WINAPI CreateThreadpoolIo(HANDLE fl, PTP_WIN32_IO_CALLBACK pfnio, PVOID pv, PTP_CALLBACK_ENVIRON pcbe) {
  tp_object *o = tp_new(TP_CB_IO, (void *)pfnio, pv, pcbe);
  if (!o) return NULL;
  tp_acquire();
  if (!io_port) {
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    HANDLE th = port ? CreateThread(NULL, 0, io_thread, NULL, 0, NULL) : NULL;
    if (th) {
      CloseHandle(th);
      io_port = port;
    } else if (port) {
      CloseHandle(port);
    }
  }
  DWORD err = ERROR_NOT_ENOUGH_MEMORY;
  if (io_port && CreateIoCompletionPort(fl, io_port, (ULONG_PTR)o, 0)) {
    tp_list_add_tail(&ios, &o->io_entry);
    tp_release();
    return (PTP_IO)o;
  }
  if (io_port) err = GetLastError();
  o->closed = TRUE;
  tp_maybe_free(o);
  tp_release();
  SetLastError(err);
  return NULL;
}

VOID WINAPI StartThreadpoolIo(PTP_IO pio) {
  if (!pio) return;
  tp_acquire();
  ((tp_object *)pio)->io_expected++;
  tp_release();
}

VOID WINAPI CancelThreadpoolIo(PTP_IO pio) {
  tp_object *o = (tp_object *)pio;
  if (!o) return;
  tp_acquire();
  if (o->io_expected) o->io_expected--;
  tp_maybe_free(o);
  tp_release();
}

VOID WINAPI WaitForThreadpoolIoCallbacks(PTP_IO pio, BOOL fCancelPendingCallbacks) {
  tp_object *o = (tp_object *)pio;
  if (!o) return;
  tp_acquire();
  if (fCancelPendingCallbacks) tp_cancel(o);
  tp_wait_idle(o);
  tp_release();
}

VOID WINAPI CloseThreadpoolIo(PTP_IO pio) {
  if (!pio) return;
  tp_acquire();
  tp_close((tp_object *)pio);
  tp_release();
}
