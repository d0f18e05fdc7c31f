/*
 * Follows the structure of Microsoft's "Creating Processes" sample: _tmain takes the child's command
 * line as argv[1] (here "sample_create_process.exe exit 42": ntwasm runs sample_create_process.wasm
 * for it, as it runs child.wasm for child.exe), ZeroMemory on STARTUPINFO and PROCESS_INFORMATION,
 * CreateProcess(NULL, argv[1], ...), WaitForSingleObject on the process handle, then
 * GetExitCodeProcess and CloseHandle on both handles. Run with "exit N" the program is that child
 * and ends with N ("quiet N": without printing). A second child is started hidden, with
 * STARTF_USESHOWWINDOW / SW_HIDE and CREATE_NO_WINDOW | NORMAL_PRIORITY_CLASS. Also the "Getting the
 * System Version" way of probing an optional API: a typedef'd function pointer from
 * GetProcAddress(GetModuleHandle(TEXT("kernel32.dll")), ...), with a fallback when it is absent.
 * Built without UNICODE. Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>
#include <tchar.h>
#include <strsafe.h>

typedef void (WINAPI *PGNSI)(LPSYSTEM_INFO);
typedef BOOL (WINAPI *PISWOW64)(HANDLE, PBOOL);
typedef BOOL (WINAPI *PNOSUCH)(DWORD);

int _tmain(int argc, TCHAR *argv[])
{
    STARTUPINFO si;
    PROCESS_INFORMATION pi;
    DWORD dwExitCode = 0;
    SYSTEM_INFO sysInfo;
    PGNSI pGNSI;
    PISWOW64 pIsWow64;
    PNOSUCH pNoSuch;
    TCHAR szSelf[MAX_PATH], szCmdline[MAX_PATH + 16];

    if (argc == 3 && _tcscmp(argv[1], TEXT("exit")) == 0)
    {
        _tprintf(TEXT("Child: exiting with %s\n"), argv[2]);
        return _ttoi(argv[2]);
    }
    if (argc == 3 && _tcscmp(argv[1], TEXT("quiet")) == 0)
        ExitProcess((UINT)_ttoi(argv[2]));
    if (argc != 2)
    {
        _tprintf(TEXT("Usage: %s [cmdline]\n"), TEXT("sample_create_process"));
        return 1;
    }

    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    ZeroMemory(&pi, sizeof(pi));

    _tprintf(TEXT("Parent: starting \"%s\"\n"), argv[1]);
    fflush(stdout); // the child shares the output; Windows buffers it when it is not a console

    // Start the child process.
    if (!CreateProcess(NULL,   // No module name (use command line)
                       argv[1], // Command line
                       NULL,   // Process handle not inheritable
                       NULL,   // Thread handle not inheritable
                       FALSE,  // Set handle inheritance to FALSE
                       0,      // No creation flags
                       NULL,   // Use parent's environment block
                       NULL,   // Use parent's starting directory
                       &si,    // Pointer to STARTUPINFO structure
                       &pi))   // Pointer to PROCESS_INFORMATION structure
    {
        _tprintf(TEXT("CreateProcess failed (%d).\n"), GetLastError());
        return 1;
    }

    // Wait until child process exits.
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &dwExitCode);
    _tprintf(TEXT("Parent: child exit code %d, process handle signaled: %s\n"), dwExitCode,
             WaitForSingleObject(pi.hProcess, 0) == WAIT_OBJECT_0 ? TEXT("yes") : TEXT("no"));
    _tprintf(TEXT("Parent: thread handle signaled: %s\n"),
             WaitForSingleObject(pi.hThread, 0) == WAIT_OBJECT_0 ? TEXT("yes") : TEXT("no"));

    // Close process and thread handles.
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    // A hidden child, as programs start helpers: STARTF_USESHOWWINDOW + SW_HIDE and CREATE_NO_WINDOW
    // (the child prints nothing: on Windows its output would go to a console of its own).
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESHOWWINDOW;
    si.wShowWindow = SW_HIDE;
    ZeroMemory(&pi, sizeof(pi));
    GetModuleFileName(NULL, szSelf, MAX_PATH);
    StringCchPrintf(szCmdline, MAX_PATH + 16, TEXT("\"%s\" quiet 7"), szSelf);
    if (CreateProcess(NULL, szCmdline, NULL, NULL, FALSE, CREATE_NO_WINDOW | NORMAL_PRIORITY_CLASS, NULL, NULL, &si, &pi))
    {
        WaitForSingleObject(pi.hProcess, INFINITE);
        GetExitCodeProcess(pi.hProcess, &dwExitCode);
        _tprintf(TEXT("Parent: hidden child exit code %d\n"), dwExitCode);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    else
        _tprintf(TEXT("CreateProcess CREATE_NO_WINDOW failed (%d).\n"), GetLastError());

    // A program that does not exist.
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    if (!CreateProcess(NULL, TEXT("no_such_program.exe"), NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        _tprintf(TEXT("CreateProcess of a missing program failed (%d).\n"), GetLastError());

    // Call GetNativeSystemInfo if supported or GetSystemInfo otherwise.
    ZeroMemory(&sysInfo, sizeof(SYSTEM_INFO));
    pGNSI = (PGNSI)GetProcAddress(GetModuleHandle(TEXT("kernel32.dll")), "GetNativeSystemInfo");
    if (NULL != pGNSI)
        pGNSI(&sysInfo);
    else
        GetSystemInfo(&sysInfo);
    _tprintf(TEXT("GetNativeSystemInfo: %s, %s processors\n"), pGNSI ? TEXT("found") : TEXT("absent"),
             sysInfo.dwNumberOfProcessors > 0 ? TEXT("some") : TEXT("no"));

    pIsWow64 = (PISWOW64)GetProcAddress(GetModuleHandle(TEXT("kernel32")), "IsWow64Process");
    if (pIsWow64 != NULL)
    {
        BOOL bIsWow64 = TRUE;
        BOOL bOk = pIsWow64(GetCurrentProcess(), &bIsWow64);
        _tprintf(TEXT("IsWow64Process: found, returns %d, Wow64 %d\n"), bOk, bIsWow64);
    }
    else
        _tprintf(TEXT("IsWow64Process: absent (%d)\n"), GetLastError());

    pNoSuch = (PNOSUCH)GetProcAddress(GetModuleHandle(TEXT("kernel32.dll")), "NoSuchKernel32Function");
    _tprintf(TEXT("NoSuchKernel32Function: %s (%d)\n"), pNoSuch ? TEXT("found") : TEXT("absent"), GetLastError());
    return 0;
}
