/*
 * The x86 calling conventions Windows headers and programs write: nothing on wasm32, where every call
 * has one convention. Shared by <windows.h> and the CRT headers (process.h, conio.h...).
 */
#ifndef NTWASM_CALLCONV_H
#define NTWASM_CALLCONV_H
#ifndef __cdecl
#define __cdecl
#endif
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __fastcall
#define __fastcall
#endif
#endif
