;; A guest that keeps its stack in memory, like C compiled with clang: it exports a mutable
;; __stack_pointer, so each CreateThread must give the new thread a stack of its own. Every thread
;; returns the stack pointer it started with; main checks them and returns a bitmask of failed
;; checks (0 = all passed). Used by test/thread-stacks.test.ts.
(module
  (import "env" "memory" (memory 2 256 shared))
  (import "kernel32" "CreateThread" (func $CreateThread (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "kernel32" "WaitForSingleObject" (func $Wait (param i32 i32) (result i32)))
  (import "kernel32" "GetExitCodeThread" (func $GetExitCodeThread (param i32 i32) (result i32)))
  (import "kernel32" "CloseHandle" (func $CloseHandle (param i32) (result i32)))
  (global $sp (export "__stack_pointer") (mut i32) (i32.const 65536))
  (table $t (export "table") 2 funcref)
  (elem (i32.const 1) $thread)

  ;; The thread procedure: its start stack pointer is its exit code.
  (func $thread (param $arg i32) (result i32) (global.get $sp))

  ;; Runs one thread with the given stack size to its end; returns its exit code (0 on failure).
  (func $run (param $size i32) (result i32) (local $h i32)
    (local.set $h (call $CreateThread (i32.const 0) (local.get $size) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0)))
    (if (i32.eqz (local.get $h)) (then (return (i32.const 0))))
    (drop (call $Wait (local.get $h) (i32.const -1)))
    (drop (call $GetExitCodeThread (local.get $h) (i32.const 16)))
    (drop (call $CloseHandle (local.get $h)))
    (i32.load (i32.const 16)))

  (func (export "main") (result i32) (local $a i32) (local $b i32) (local $c i32) (local $fail i32)
    ;; One thread after the other, with the default stack size and with 200,000 bytes.
    (local.set $a (call $run (i32.const 0)))
    (local.set $b (call $run (i32.const 200000)))
    ;; 1: both got a stack, neither is main's
    (if (i32.or (i32.eqz (local.get $a)) (i32.eq (local.get $a) (i32.const 65536)))
      (then (local.set $fail (i32.or (local.get $fail) (i32.const 1)))))
    ;; 2: stack tops are page-aligned
    (if (i32.rem_u (local.get $a) (i32.const 65536))
      (then (local.set $fail (i32.or (local.get $fail) (i32.const 2)))))
    ;; 4: the ended first thread's 256 KiB stack is reused by the second (200,000 bytes fit in it)
    (if (i32.ne (local.get $a) (local.get $b))
      (then (local.set $fail (i32.or (local.get $fail) (i32.const 4)))))
    ;; 8: a thread asking for more than any free stack gets a new one above the old
    (local.set $c (call $run (i32.const 1048576)))
    (if (i32.le_u (local.get $c) (local.get $a))
      (then (local.set $fail (i32.or (local.get $fail) (i32.const 8)))))
    (local.get $fail))
)
