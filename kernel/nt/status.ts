// NTSTATUS helpers.
// @ts-ignore: decorator
@inline export function ntSuccess(status: u32): bool { return <i32>status >= 0; }
