/*
 * Follows the structure of Microsoft's "Creating a Child Process with Redirected Input and Output"
 * sample: the parent creates two anonymous pipes with an inheritable SECURITY_ATTRIBUTES, keeps its
 * own ends from being inherited with SetHandleInformation, starts the child with STARTF_USESTDHANDLES,
 * writes into the child's stdin and closes it, then reads the child's stdout until ReadFile fails
 * (ERROR_BROKEN_PIPE once the child has ended). The child (the same program started with "child")
 * reads its stdin with ReadFile and writes an upper-case copy with WriteFile. Built without UNICODE
 * (the ANSI generic names), with the sample's ErrorExit helper. Expected output confirmed with
 * mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <tchar.h>
#include <stdio.h>
#include <strsafe.h>

#define BUFSIZE 4096

HANDLE g_hChildStd_IN_Rd = NULL;
HANDLE g_hChildStd_IN_Wr = NULL;
HANDLE g_hChildStd_OUT_Rd = NULL;
HANDLE g_hChildStd_OUT_Wr = NULL;
PROCESS_INFORMATION g_piProcInfo;

void ErrorExit(PTSTR lpszFunction)
{
    LPVOID lpMsgBuf;
    LPVOID lpDisplayBuf;
    DWORD dw = GetLastError();

    FormatMessage(
        FORMAT_MESSAGE_ALLOCATE_BUFFER |
        FORMAT_MESSAGE_FROM_SYSTEM |
        FORMAT_MESSAGE_IGNORE_INSERTS,
        NULL,
        dw,
        MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
        (LPTSTR)&lpMsgBuf,
        0, NULL);

    lpDisplayBuf = (LPVOID)LocalAlloc(LMEM_ZEROINIT,
        (lstrlen((LPCTSTR)lpMsgBuf) + lstrlen((LPCTSTR)lpszFunction) + 40) * sizeof(TCHAR));
    StringCchPrintf((LPTSTR)lpDisplayBuf,
        LocalSize(lpDisplayBuf) / sizeof(TCHAR),
        TEXT("%s failed with error %d: %s"),
        lpszFunction, dw, lpMsgBuf);
    MessageBox(NULL, (LPCTSTR)lpDisplayBuf, TEXT("Error"), MB_OK);

    LocalFree(lpMsgBuf);
    LocalFree(lpDisplayBuf);
    ExitProcess(1);
}

static int Child(void)
{
    CHAR chBuf[BUFSIZE];
    DWORD dwRead, dwWritten, i;
    HANDLE hStdin, hStdout;
    BOOL bSuccess;
    DWORD total = 0;

    hStdout = GetStdHandle(STD_OUTPUT_HANDLE);
    hStdin = GetStdHandle(STD_INPUT_HANDLE);
    if (hStdout == INVALID_HANDLE_VALUE || hStdin == INVALID_HANDLE_VALUE)
        ExitProcess(1);

    for (;;)
    {
        // Read from standard input and stop on error or no data.
        bSuccess = ReadFile(hStdin, chBuf, BUFSIZE, &dwRead, NULL);
        if (!bSuccess || dwRead == 0)
            break;
        for (i = 0; i < dwRead; i++)
            if (chBuf[i] >= 'a' && chBuf[i] <= 'z')
                chBuf[i] = (CHAR)(chBuf[i] - 'a' + 'A');
        total += dwRead;
        // Write to standard output and stop on error.
        bSuccess = WriteFile(hStdout, chBuf, dwRead, &dwWritten, NULL);
        if (!bSuccess)
            break;
    }
    StringCchPrintfA(chBuf, BUFSIZE, "[child read %lu bytes, last ReadFile error %lu]\n",
                     (unsigned long)total, (unsigned long)GetLastError());
    WriteFile(hStdout, chBuf, (DWORD)strlen(chBuf), &dwWritten, NULL);
    return 3;
}

void CreateChildProcess(void)
{
    TCHAR szSelf[MAX_PATH];
    TCHAR szCmdline[MAX_PATH + 16];
    STARTUPINFO siStartInfo;
    BOOL bSuccess = FALSE;

    if (GetModuleFileName(NULL, szSelf, MAX_PATH) == 0)
        ErrorExit(TEXT("GetModuleFileName"));
    StringCchPrintf(szCmdline, MAX_PATH + 16, TEXT("\"%s\" child"), szSelf);

    ZeroMemory(&g_piProcInfo, sizeof(PROCESS_INFORMATION));
    ZeroMemory(&siStartInfo, sizeof(STARTUPINFO));
    siStartInfo.cb = sizeof(STARTUPINFO);
    siStartInfo.hStdError = g_hChildStd_OUT_Wr;
    siStartInfo.hStdOutput = g_hChildStd_OUT_Wr;
    siStartInfo.hStdInput = g_hChildStd_IN_Rd;
    siStartInfo.dwFlags |= STARTF_USESTDHANDLES;

    bSuccess = CreateProcess(NULL, szCmdline, NULL, NULL, TRUE, 0, NULL, NULL,
                             &siStartInfo, &g_piProcInfo);
    if (!bSuccess)
        ErrorExit(TEXT("CreateProcess"));

    // The parent's copies of the child's ends: closing them lets ReadFile see the end of the pipe.
    CloseHandle(g_hChildStd_OUT_Wr);
    CloseHandle(g_hChildStd_IN_Rd);
}

void WriteToPipe(void)
{
    static const char *lines[] = {
        "the quick brown fox\n",
        "jumps over the lazy dog\n",
        "Mixed Case 123 done.\n",
    };
    DWORD dwWritten, i;
    BOOL bSuccess;

    for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
    {
        bSuccess = WriteFile(g_hChildStd_IN_Wr, lines[i], (DWORD)strlen(lines[i]), &dwWritten, NULL);
        if (!bSuccess)
            ErrorExit(TEXT("WriteFile"));
        printf("Parent wrote %lu bytes.\n", (unsigned long)dwWritten);
    }
    // Close the pipe handle so the child process stops reading.
    if (!CloseHandle(g_hChildStd_IN_Wr))
        ErrorExit(TEXT("StdInWr CloseHandle"));
}

void ReadFromPipe(void)
{
    DWORD dwRead, dwWritten;
    CHAR chBuf[BUFSIZE];
    BOOL bSuccess = FALSE;
    HANDLE hParentStdOut = GetStdHandle(STD_OUTPUT_HANDLE);

    // printf's buffer goes out before the raw WriteFile output.
    fflush(stdout);
    for (;;)
    {
        bSuccess = ReadFile(g_hChildStd_OUT_Rd, chBuf, BUFSIZE, &dwRead, NULL);
        if (!bSuccess || dwRead == 0)
            break;
        bSuccess = WriteFile(hParentStdOut, chBuf, dwRead, &dwWritten, NULL);
        if (!bSuccess)
            break;
    }
    printf("ReadFile ended: GetLastError %lu (ERROR_BROKEN_PIPE is %d)\n",
           (unsigned long)GetLastError(), ERROR_BROKEN_PIPE);
}

int _tmain(int argc, TCHAR *argv[])
{
    SECURITY_ATTRIBUTES saAttr;
    DWORD dwExit = 0;

    if (argc > 1 && _tcscmp(argv[1], TEXT("child")) == 0)
        return Child();

    printf("\n->Start of parent execution.\n");

    saAttr.nLength = sizeof(SECURITY_ATTRIBUTES);
    saAttr.bInheritHandle = TRUE;
    saAttr.lpSecurityDescriptor = NULL;

    if (!CreatePipe(&g_hChildStd_OUT_Rd, &g_hChildStd_OUT_Wr, &saAttr, 0))
        ErrorExit(TEXT("StdoutRd CreatePipe"));
    if (!SetHandleInformation(g_hChildStd_OUT_Rd, HANDLE_FLAG_INHERIT, 0))
        ErrorExit(TEXT("Stdout SetHandleInformation"));
    if (!CreatePipe(&g_hChildStd_IN_Rd, &g_hChildStd_IN_Wr, &saAttr, 0))
        ErrorExit(TEXT("Stdin CreatePipe"));
    if (!SetHandleInformation(g_hChildStd_IN_Wr, HANDLE_FLAG_INHERIT, 0))
        ErrorExit(TEXT("Stdin SetHandleInformation"));

    CreateChildProcess();
    WriteToPipe();
    printf("\n->Contents of child process STDOUT:\n\n");
    ReadFromPipe();

    WaitForSingleObject(g_piProcInfo.hProcess, INFINITE);
    GetExitCodeProcess(g_piProcInfo.hProcess, &dwExit);
    printf("Child exit code: %lu\n", (unsigned long)dwExit);
    CloseHandle(g_piProcInfo.hProcess);
    CloseHandle(g_piProcInfo.hThread);
    CloseHandle(g_hChildStd_OUT_Rd);

    printf("\n->End of parent execution.\n");
    return 0;
}
