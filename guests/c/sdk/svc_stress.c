/*
 * ntwasm services under load, between two processes (docs/services.md): the program starts itself as the
 * server ("svc_stress.exe server"), a process with 4 server threads on one service; the parent's 8 client
 * threads make 1,250 synchronous calls each (10,000 in all). Every call has its own input (0 to 1,499 bytes, and every
 * 500th call 70,000, past one 64 KiB staging chunk); the server reads it in two parts and writes it back
 * reversed and inverted, in two parts, and replies with its size and checksum; the client checks every
 * byte. Every 1,000th call carries an event handle, which the server sets through its own duplicate.
 * Services are ntwasm's own (no Windows counterpart): the expected output is what docs/services.md
 * specifies.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME L"ntwasm-svc-stress"
#ifndef SERVERS
#define SERVERS 4
#endif
#ifndef CLIENTS
#define CLIENTS 8
#endif
#ifndef CALLS
#define CALLS 1250
#endif
#ifndef BIG
#define BIG 70000
#endif
#define STOP 0xffffffffu

static HANDLE svc;

static DWORD sizeOf(int t, int i) { return i % 500 == 499 ? BIG : (DWORD)((i * 37 + t * 11) % 1500); }
static unsigned char byteOf(int t, int i, DWORD j) { return (unsigned char)(t * 131 + i * 7 + j * 13); }

static DWORD WINAPI server(LPVOID param) {
  (void)param;
  unsigned char *in = malloc(BIG), *out = malloc(BIG);
  for (;;) {
    SVC_REQUEST_INFO info;
    HANDLE r = SvcAccept(svc, &info, INFINITE);
    if (!r) return 1;
    if (info.Argument == STOP) { SvcReply(r, 0, 0); CloseHandle(r); return 0; }
    DWORD n = info.InputSize, half = n / 2, got1 = 0, got2 = 0;
    if (!SvcRead(r, half, in + half, n - half, &got2) || !SvcRead(r, 0, in, half, &got1) || got1 + got2 != n) return 2;
    DWORD sum = 0;
    for (DWORD j = 0; j < n; j++) { sum += in[j]; out[j] = (unsigned char)~in[n - 1 - j]; }
    if (!SvcWrite(r, 0, out, half) || !SvcWrite(r, half, out + half, n - half)) return 3;
    for (DWORD k = 0; k < info.HandleCount; k++) { SetEvent(info.Handles[k]); CloseHandle(info.Handles[k]); }
    if (!SvcReply(r, n ^ (DWORD)info.Argument, sum)) return 4;
    CloseHandle(r);
  }
}

static HANDLE client;
static LONG wrong, replies, handlesSet;

static DWORD WINAPI caller(LPVOID param) {
  int t = (int)(INT_PTR)param;
  unsigned char *in = malloc(BIG), *out = malloc(BIG);
  HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
  for (int i = 0; i < CALLS; i++) {
    DWORD n = sizeOf(t, i), sum = 0;
    for (DWORD j = 0; j < n; j++) sum += in[j] = byteOf(t, i, j);
    SVC_CALL c = { in, n, out, n, ((DWORD)t << 24) | (DWORD)i, 0, { 0 } };
    if (i % 1000 == 999) { c.HandleCount = 1; c.Handles[0] = ev; }
    SVC_RESULT res;
    BOOL bad = !SvcCall(client, &c, &res, INFINITE) || res.Status != (n ^ (DWORD)c.Argument) || res.Result != sum || res.BytesWritten != n;
    for (DWORD j = 0; !bad && j < n; j++) bad = out[j] != (unsigned char)~in[n - 1 - j];
    if (bad) InterlockedIncrement(&wrong);
    else InterlockedIncrement(&replies);
    if (c.HandleCount && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0) { InterlockedIncrement(&handlesSet); ResetEvent(ev); }
  }
  CloseHandle(ev);
  free(in);
  free(out);
  return 0;
}

int wmain(int argc, WCHAR **argv) {
  if (argc == 2 && !wcscmp(argv[1], L"server")) {
    svc = SvcCreateW(NAME, 0, 0);
    if (!svc) return 10;
    HANDLE th[SERVERS];
    for (int i = 0; i < SERVERS; i++) th[i] = CreateThread(NULL, 0, server, NULL, 0, NULL);
    WaitForMultipleObjects(SERVERS, th, TRUE, INFINITE);
    DWORD code = 0, c;
    for (int i = 0; i < SERVERS; i++) { GetExitCodeThread(th[i], &c); code |= c; CloseHandle(th[i]); }
    CloseHandle(svc);
    return (int)code;
  }
  WCHAR self[MAX_PATH], cmd[MAX_PATH + 16];
  GetModuleFileNameW(NULL, self, MAX_PATH);
  swprintf(cmd, MAX_PATH + 16, L"\"%ls\" server", self);
  STARTUPINFOW si = { sizeof si };
  PROCESS_INFORMATION pi;
  if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) { printf("CreateProcess failed\n"); return 1; }
  client = SvcOpenW(NAME, 60000);
  printf("server found: %s\n", client ? "yes" : "no");
  HANDLE th[CLIENTS];
  for (int t = 0; t < CLIENTS; t++) th[t] = CreateThread(NULL, 0, caller, (LPVOID)(INT_PTR)t, 0, NULL);
  WaitForMultipleObjects(CLIENTS, th, TRUE, INFINITE);
  for (int t = 0; t < CLIENTS; t++) CloseHandle(th[t]);
  printf("%d client threads x %d calls: %ld replies right, %ld wrong\n", CLIENTS, CALLS, replies, wrong);
  printf("handles passed and set: %ld\n", handlesSet);
  SVC_CALL stop = { NULL, 0, NULL, 0, STOP, 0, { 0 } };
  for (int i = 0; i < SERVERS; i++) SvcCall(client, &stop, NULL, INFINITE);
  DWORD code = 1;
  WaitForSingleObject(pi.hProcess, INFINITE);
  GetExitCodeProcess(pi.hProcess, &code);
  printf("server exit code: %lu\n", code);
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  CloseHandle(client);
  return 0;
}
