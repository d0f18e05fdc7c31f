/*
 * Follows Microsoft's "Retrieving the Last-Error Code" sample and the FormatMessage examples: calls
 * that fail, each followed by GetLastError and the system's text for the code from FormatMessage
 * (FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
 * LocalFree'd), through both FormatMessageA and FormatMessageW (and the generic FormatMessage), with
 * the trailing "\r\n" trimmed; then FORMAT_MESSAGE_FROM_STRING with %1!d!-style inserts from an
 * argument array and from a va_list, and FormatMessage of a code without a text. Built with
 * UNICODE/_UNICODE. Expected output confirmed with mingw-w64 (-municode) + Wine 8.0: every error
 * code, return value, FROM_STRING result and line is Wine's, except the system message texts (and
 * their lengths): Wine ships texts of its own ("File not found." for 2), the expected file has
 * Windows' texts, as Microsoft's "System Error Codes" pages give them.
 */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>
#include <stdio.h>

#define BUFSIZE 256

// The generic form: FormatMessage into an allocated buffer, trimmed, printed with the code.
static void PrintError(LPCTSTR lpszFunction, DWORD dw)
{
    LPTSTR lpMsgBuf = NULL;
    DWORD len;

    len = FormatMessage(
        FORMAT_MESSAGE_ALLOCATE_BUFFER |
        FORMAT_MESSAGE_FROM_SYSTEM |
        FORMAT_MESSAGE_IGNORE_INSERTS,
        NULL,
        dw,
        MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
        (LPTSTR)&lpMsgBuf,
        0, NULL);
    if (len == 0)
    {
        _tprintf(TEXT("%s failed with error %d (FormatMessage failed, error %d)\n"),
                 lpszFunction, dw, GetLastError());
        return;
    }
    // Strip the trailing line break.
    while (len > 0 && (lpMsgBuf[len - 1] == TEXT('\n') || lpMsgBuf[len - 1] == TEXT('\r')))
        lpMsgBuf[--len] = 0;
    _tprintf(TEXT("%s failed with error %d: %s\n"), lpszFunction, dw, lpMsgBuf);
    LocalFree(lpMsgBuf);
}

// The same text through the narrow API, printed with %hs.
static void PrintErrorA(const char *lpszFunction, DWORD dw)
{
    LPSTR lpMsgBuf = NULL;
    DWORD len = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                   FORMAT_MESSAGE_IGNORE_INSERTS,
                               NULL, dw, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
                               (LPSTR)&lpMsgBuf, 0, NULL);
    if (len == 0)
    {
        _tprintf(TEXT("  A: no text (error %d)\n"), GetLastError());
        return;
    }
    if (len >= 2 && lpMsgBuf[len - 2] == '\r' && lpMsgBuf[len - 1] == '\n')
        lpMsgBuf[len - 2] = 0;
    _tprintf(TEXT("  A (%hs): %d chars, \"%hs\"\n"), lpszFunction, len, lpMsgBuf);
    LocalFree(lpMsgBuf);
}

// And through FormatMessageW into a caller's buffer.
static void PrintErrorW(LPCWSTR lpszFunction, DWORD dw)
{
    WCHAR buf[BUFSIZE];
    DWORD len = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, dw,
                               0, buf, BUFSIZE, NULL);
    if (len == 0)
    {
        _tprintf(TEXT("  W: no text (error %d)\n"), GetLastError());
        return;
    }
    if (len >= 2 && buf[len - 2] == L'\r' && buf[len - 1] == L'\n')
        buf[len - 2] = 0;
    _tprintf(TEXT("  W (%ls): %d chars, \"%ls\"\n"), lpszFunction, len, buf);
}

static void Report(LPCTSTR lpszFunction, DWORD dw)
{
    char narrow[64];

    PrintError(lpszFunction, dw);
    WideCharToMultiByte(CP_ACP, 0, lpszFunction, -1, narrow, sizeof(narrow), NULL, NULL);
    PrintErrorA(narrow, dw);
    PrintErrorW(lpszFunction, dw);
}

static DWORD FormatWithArgs(LPTSTR lpBuffer, DWORD nSize, LPCTSTR lpFormat, ...)
{
    va_list args;
    DWORD len;

    va_start(args, lpFormat);
    len = FormatMessage(FORMAT_MESSAGE_FROM_STRING, lpFormat, 0, 0, lpBuffer, nSize, &args);
    va_end(args);
    return len;
}

int _tmain(void)
{
    HANDLE h;
    DWORD dw;
    TCHAR szDir[MAX_PATH];
    TCHAR szFile[MAX_PATH];
    TCHAR buf[BUFSIZE];
    DWORD_PTR pArgs[] = { (DWORD_PTR)42, (DWORD_PTR)TEXT("C:\\data"), (DWORD_PTR)TEXT("ok"), (DWORD_PTR)255 };
    LPTSTR lpAlloc = NULL;
    int n;

    // The success code has a text too.
    Report(TEXT("Nothing"), ERROR_SUCCESS);

    h = CreateFile(TEXT("no_such_file.txt"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        Report(TEXT("CreateFile"), GetLastError());

    h = CreateFile(TEXT("no_such_dir\\file.txt"), GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        PrintError(TEXT("CreateFile in a missing directory"), GetLastError());

    h = OpenEvent(EVENT_ALL_ACCESS, FALSE, TEXT("NoSuchEventName"));
    if (h == NULL)
        PrintError(TEXT("OpenEvent"), GetLastError());

    if (!CloseHandle((HANDLE)(ULONG_PTR)0x1234))
        Report(TEXT("CloseHandle"), GetLastError());

    dw = WaitForSingleObject(NULL, 0);
    if (dw == WAIT_FAILED)
        PrintError(TEXT("WaitForSingleObject(NULL)"), GetLastError());

    // A directory that exists, then the failures around it.
    GetCurrentDirectory(MAX_PATH, szDir);
    StringCchCat(szDir, MAX_PATH, TEXT("\\errors_test_dir"));
    if (!CreateDirectory(szDir, NULL))
        PrintError(TEXT("CreateDirectory (first)"), GetLastError());
    if (!CreateDirectory(szDir, NULL))
        Report(TEXT("CreateDirectory"), GetLastError());
    if (!DeleteFile(szDir))
        Report(TEXT("DeleteFile on a directory"), GetLastError());

    StringCchPrintf(szFile, MAX_PATH, TEXT("%s\\inside.txt"), szDir);
    h = CreateFile(szFile, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h != INVALID_HANDLE_VALUE)
    {
        DWORD cbRead;
        char c;
        if (!ReadFile(h, &c, 1, &cbRead, NULL))
            PrintError(TEXT("ReadFile on a write-only handle"), GetLastError());
        CloseHandle(h);
    }
    h = CreateFile(szFile, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        Report(TEXT("CreateFile CREATE_NEW"), GetLastError());
    if (!RemoveDirectory(szDir))
        Report(TEXT("RemoveDirectory"), GetLastError());
    DeleteFile(szFile);
    if (RemoveDirectory(szDir))
        _tprintf(TEXT("RemoveDirectory after DeleteFile succeeded\n"));

    // A wrong object type for the call.
    h = CreateMutex(NULL, FALSE, NULL);
    if (!SetEvent(h))
        PrintError(TEXT("SetEvent on a mutex"), GetLastError());
    CloseHandle(h);

    if (GetModuleHandle(TEXT("no_such_module.dll")) == NULL)
        Report(TEXT("GetModuleHandle"), GetLastError());
    if (GetProcAddress(GetModuleHandle(TEXT("kernel32.dll")), "NoSuchFunction") == NULL)
        PrintError(TEXT("GetProcAddress"), GetLastError());
    if (MultiByteToWideChar(CP_UTF8, 0, "too long for the buffer", -1, buf, 4) == 0)
        PrintError(TEXT("MultiByteToWideChar"), GetLastError());
    if (GetEnvironmentVariable(TEXT("NO_SUCH_VARIABLE_NAME"), buf, BUFSIZE) == 0)
        PrintError(TEXT("GetEnvironmentVariable"), GetLastError());

    // A code with no text (the customer bit is set): FormatMessage fails with ERROR_MR_MID_NOT_FOUND.
    PrintError(TEXT("Customer code"), 0x20000042);
    PrintErrorA("Customer code", 0x20000042);

    // Inserts from a string: %1!d!, %2, %3!-6s! (padded), %4!04X!, %% and %n (a line break).
    n = FormatMessage(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                      TEXT("%1!d! files in %2, status [%3!-6s!], mask %4!04X!, 100%% done"),
                      0, 0, buf, BUFSIZE, (va_list *)pArgs);
    _tprintf(TEXT("FROM_STRING (array): %d chars: %s\n"), n, buf);

    n = FormatWithArgs(buf, BUFSIZE, TEXT("%1!u! items for %2, done"), 7, TEXT("second"));
    _tprintf(TEXT("FROM_STRING (va_list): %d chars: %s\n"), n, buf);

    n = FormatMessage(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                      TEXT("line one%nline two for %2"), 0, 0, (LPTSTR)&lpAlloc, 0, (va_list *)pArgs);
    if (n)
    {
        _tprintf(TEXT("FROM_STRING allocated: %d chars, %s a CR LF\n"), n,
                 _tcsstr(lpAlloc, TEXT("one\r\nline")) ? TEXT("with") : TEXT("without"));
        LocalFree(lpAlloc);
    }

    // IGNORE_INSERTS keeps the %1 of a system text.
    n = FormatMessage(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                      ERROR_BAD_EXE_FORMAT, 0, buf, BUFSIZE, NULL);
    _tprintf(TEXT("ERROR_BAD_EXE_FORMAT with IGNORE_INSERTS: %.*s\n"), n - 2, buf);

    // A buffer too small for the text.
    n = FormatMessage(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                      ERROR_ACCESS_DENIED, 0, buf, 5, NULL);
    dw = GetLastError();
    _tprintf(TEXT("FormatMessage into 5 chars: %d, error %d\n"), n, dw);
    return 0;
}
