/* ntwasm's <fileapi.h>: as in the Windows SDK, one part of the Windows headers; here all of them are <windows.h>. */
#include <windows.h>
