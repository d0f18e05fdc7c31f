// C-runtime Win32 functions: the console calls that need no kernel (code pages, title, control
// handlers). See abi/crt/types.ts; the modes and text attributes are syscalls (abi/syscalls/core.ts).
import { crt, type CrtFunction } from "./types.ts";

const con = "kernel32/console.c";

export const CONSOLE: CrtFunction[] = [
  crt("GetConsoleCP", "UINT", "", con, "The console's input code page: 65001 (CP_UTF8) until SetConsoleCP."),
  crt("SetConsoleCP", "BOOL", "UINT wCodePageID", con,
    "Records the input code page (input is UTF-8 whatever it says); ERROR_INVALID_PARAMETER unless IsValidCodePage."),
  crt("GetConsoleOutputCP", "UINT", "", con, "The console's output code page: 65001 (CP_UTF8) until SetConsoleOutputCP."),
  crt("SetConsoleOutputCP", "BOOL", "UINT wCodePageID", con,
    "Records the output code page (output is UTF-8 whatever it says); ERROR_INVALID_PARAMETER unless IsValidCodePage."),
  crt("GetConsoleTitleW", "DWORD", "LPWSTR lpConsoleTitle, DWORD nSize", con,
    "The title (the program's path until SetConsoleTitle), cut to fit nSize with its NUL; returns its whole length " +
    "(0 when nSize is 0)."),
  crt("GetConsoleTitleA", "DWORD", "LPSTR lpConsoleTitle, DWORD nSize", con, "UTF-8 form of GetConsoleTitleW (the length in bytes)."),
  crt("SetConsoleTitleW", "BOOL", "LPCWSTR lpConsoleTitle", con,
    "Sets the title GetConsoleTitle returns (up to 1024 characters are kept; there is no window to show it)."),
  crt("SetConsoleTitleA", "BOOL", "LPCSTR lpConsoleTitle", con, "UTF-8 form of SetConsoleTitleW."),
  crt("SetConsoleTextAttribute", "BOOL", "HANDLE hConsoleOutput, WORD wAttributes", con,
    "Writes out the text printf holds for stdout, then sets the attributes of what is written from now on: on a " +
    "terminal as ANSI colour sequences, elsewhere only recorded (NtwSetConsoleTextAttribute). ERROR_INVALID_HANDLE " +
    "for the input console and handles that are no console, ERROR_INVALID_PARAMETER for the unused bit 0x2000."),
  crt("GetConsoleWindow", "HWND", "", con, "NULL: there is no console window."),
  crt("SetConsoleCtrlHandler", "BOOL", "PHANDLER_ROUTINE HandlerRoutine, BOOL Add", con,
    "Adds or removes a control handler (the most recent runs first); NULL with Add TRUE ignores CTRL+C. Removing " +
    "one that is not there fails with ERROR_INVALID_PARAMETER."),
  crt("GenerateConsoleCtrlEvent", "BOOL", "DWORD dwCtrlEvent, DWORD dwProcessGroupId", con,
    "CTRL_C_EVENT or CTRL_BREAK_EVENT to the calling process (group 0 or its own id): its handlers run on a new " +
    "thread until one returns TRUE, else it ends with STATUS_CONTROL_C_EXIT. Other processes are not reached."),
];
