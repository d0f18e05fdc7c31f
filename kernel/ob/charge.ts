// Objects charged to the process whose call created them (issue 17: the objects quota). Each charged
// object points at its creator's Charge record rather than at the process: the object may outlive the
// process (a named event another process still holds), and must not keep its record alive. The record
// goes with the last of the process and its objects, as Windows' EPROCESS_QUOTA_BLOCK does.
//
// Past the quota a create fails with STATUS_QUOTA_EXCEEDED (ERROR_NOT_ENOUGH_QUOTA), what Windows'
// ObpChargeQuotaForObject answers when a process's pool quota (a job's or the system's per-process
// limit) is used up: the quota routines it calls raise STATUS_QUOTA_EXCEEDED then (Microsoft's
// PsChargePoolQuota documentation). STATUS_INSUFFICIENT_RESOURCES is for the pool itself running out.
import { kalloc, kfree } from "../lib/alloc";
import { objectQuota } from "../lib/quota";
import { setResult } from "../lib/tls";
import { Process } from "../objects/process";
import { STATUS_INSUFFICIENT_RESOURCES, STATUS_QUOTA_EXCEEDED } from "../generated/abi";

@unmanaged
export class Charge {
  objects: u32; // live objects charged here
  owned: u32; // 1 while the process record points here (Process.charge)
}

/** `p`'s record with room for one more object, or null with the status in `result`. */
export function chargeRoom(p: Process): Charge | null {
  if (!p.charge) {
    const c = kalloc(offsetof<Charge>());
    if (!c) { setResult(STATUS_INSUFFICIENT_RESOURCES); return null; }
    changetype<Charge>(c).owned = 1;
    p.charge = c;
  }
  const c = changetype<Charge>(p.charge);
  if (c.objects >= objectQuota()) { setResult(STATUS_QUOTA_EXCEEDED); return null; }
  return c;
}

function chargeFree(c: Charge): void {
  if (!c.objects && !c.owned) kfree(changetype<usize>(c), offsetof<Charge>());
}

/** An object charged to `c` is gone. */
export function chargeRelease(c: usize): void {
  const r = changetype<Charge>(c);
  r.objects--;
  chargeFree(r);
}

/** `p`'s record is being freed: its charges go with its last object. */
export function chargeProcessGone(p: Process): void {
  if (!p.charge) return;
  const c = changetype<Charge>(p.charge);
  c.owned = 0;
  p.charge = 0;
  chargeFree(c);
}
