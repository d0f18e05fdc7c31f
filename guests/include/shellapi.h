/* <shellapi.h>: CommandLineToArgvW, which ntwasm's <windows.h> declares (the C runtime implements it). */
#include <windows.h>
