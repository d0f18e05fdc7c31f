/*
 * Follows the structure of Microsoft's "Multithreaded Pipe Server" and "Named Pipe Client" samples:
 * the server creates instances of a message-type pipe (PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE),
 * waits in ConnectNamedPipe (ERROR_PIPE_CONNECTED counts as connected) and hands each client to an
 * InstanceThread that reads requests and writes replies until the client closes its end
 * (ERROR_BROKEN_PIPE), then FlushFileBuffers, DisconnectNamedPipe and CloseHandle. The clients (this
 * program started with "client N", CLIENTS at once) loop on CreateFile / ERROR_PIPE_BUSY /
 * WaitNamedPipe, switch to PIPE_READMODE_MESSAGE with SetNamedPipeHandleState, write a request and
 * read the reply through a buffer smaller than the message (ReadFile fails with ERROR_MORE_DATA until
 * the last part). For a deterministic output the server creates the next instance before it starts
 * a thread (so an instance always exists while clients remain), the threads record their requests
 * in per-client slots, and each client's stdout is an anonymous pipe the server prints after every
 * client has ended. Built with UNICODE/_UNICODE. Expected output confirmed with mingw-w64 (-municode)
 * + Wine 8.0.
 */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <stdio.h>
#include <tchar.h>
#include <strsafe.h>

#define BUFSIZE 512
#define REPLYBUF 16
#define CLIENTS 3

static LPCTSTR lpszPipename = TEXT("\\\\.\\pipe\\mynamedpipe");
static TCHAR gRequests[CLIENTS][BUFSIZE];
static DWORD gReplyBytes[CLIENTS];
static DWORD gEndError[CLIENTS];

DWORD WINAPI InstanceThread(LPVOID);
VOID GetAnswerToRequest(LPTSTR, LPTSTR, LPDWORD);

static int Client(int n)
{
    HANDLE hPipe;
    TCHAR chBuf[REPLYBUF / sizeof(TCHAR) + 1];
    TCHAR chReply[BUFSIZE] = TEXT("");
    TCHAR chMessage[BUFSIZE];
    BOOL fSuccess = FALSE;
    DWORD cbRead, cbToWrite, cbWritten, dwMode;
    int parts = 0;

    StringCchPrintf(chMessage, BUFSIZE, TEXT("Default message from client %d."), n);

    // Try to open a named pipe; wait for it, if necessary.
    for (;;)
    {
        hPipe = CreateFile(lpszPipename, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (hPipe != INVALID_HANDLE_VALUE)
            break;
        if (GetLastError() != ERROR_PIPE_BUSY)
        {
            _tprintf(TEXT("Could not open pipe. GLE=%d\n"), GetLastError());
            return -1;
        }
        if (!WaitNamedPipe(lpszPipename, 20000))
        {
            _tprintf(TEXT("Could not open pipe: 20 second wait timed out."));
            return -1;
        }
    }

    // The pipe connected; change to message-read mode.
    dwMode = PIPE_READMODE_MESSAGE;
    fSuccess = SetNamedPipeHandleState(hPipe, &dwMode, NULL, NULL);
    if (!fSuccess)
    {
        _tprintf(TEXT("SetNamedPipeHandleState failed. GLE=%d\n"), GetLastError());
        return -1;
    }

    cbToWrite = (lstrlen(chMessage) + 1) * sizeof(TCHAR);
    _tprintf(TEXT("Sending %d byte message: \"%s\"\n"), cbToWrite, chMessage);
    fSuccess = WriteFile(hPipe, chMessage, cbToWrite, &cbWritten, NULL);
    if (!fSuccess)
    {
        _tprintf(TEXT("WriteFile to pipe failed. GLE=%d\n"), GetLastError());
        return -1;
    }
    _tprintf(TEXT("Message sent to server, receiving reply as follows:\n"));

    do
    {
        ZeroMemory(chBuf, sizeof chBuf);
        fSuccess = ReadFile(hPipe, chBuf, REPLYBUF, &cbRead, NULL);
        if (!fSuccess && GetLastError() != ERROR_MORE_DATA)
            break;
        parts++;
        _tprintf(TEXT("  part %d: %d bytes, %s\n"), parts, cbRead,
                 fSuccess ? TEXT("complete") : TEXT("ERROR_MORE_DATA"));
        StringCchCat(chReply, BUFSIZE, chBuf);
    } while (!fSuccess);

    if (!fSuccess)
    {
        _tprintf(TEXT("ReadFile from pipe failed. GLE=%d\n"), GetLastError());
        return -1;
    }
    _tprintf(TEXT("\"%s\"\n"), chReply);
    _tprintf(TEXT("<End of message, closing the pipe>\n"));

    CloseHandle(hPipe);
    return n;
}

int _tmain(int argc, TCHAR *argv[])
{
    BOOL fConnected = FALSE;
    DWORD dwThreadId = 0;
    HANDLE hPipe, hNext = INVALID_HANDLE_VALUE;
    HANDLE hThreads[CLIENTS], hProcesses[CLIENTS], hOutputs[CLIENTS];
    SECURITY_ATTRIBUTES sa = { sizeof(SECURITY_ATTRIBUTES), NULL, TRUE };
    TCHAR szSelf[MAX_PATH], szCmdline[MAX_PATH + 32];
    int i, connected = 0;

    if (argc > 2 && _tcscmp(argv[1], TEXT("client")) == 0)
        return Client(_ttoi(argv[2]));

    GetModuleFileName(NULL, szSelf, MAX_PATH);

    // The first instance exists before any client starts.
    hPipe = CreateNamedPipe(lpszPipename, PIPE_ACCESS_DUPLEX,
                            PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                            PIPE_UNLIMITED_INSTANCES, BUFSIZE, BUFSIZE, 0, NULL);
    if (hPipe == INVALID_HANDLE_VALUE)
    {
        _tprintf(TEXT("CreateNamedPipe failed, GLE=%d.\n"), GetLastError());
        return -1;
    }

    for (i = 0; i < CLIENTS; i++)
    {
        STARTUPINFO si;
        PROCESS_INFORMATION pi;
        HANDLE hWrite;

        CreatePipe(&hOutputs[i], &hWrite, &sa, 0);
        SetHandleInformation(hOutputs[i], HANDLE_FLAG_INHERIT, 0);
        ZeroMemory(&si, sizeof(si));
        si.cb = sizeof(si);
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
        si.hStdOutput = hWrite;
        si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
        ZeroMemory(&pi, sizeof(pi));
        StringCchPrintf(szCmdline, MAX_PATH + 32, TEXT("\"%s\" client %d"), szSelf, i);
        if (!CreateProcess(NULL, szCmdline, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
        {
            _tprintf(TEXT("CreateProcess failed (%d).\n"), GetLastError());
            return -1;
        }
        CloseHandle(hWrite);
        CloseHandle(pi.hThread);
        hProcesses[i] = pi.hProcess;
    }

    _tprintf(TEXT("Pipe Server: Main thread awaiting client connection on %s\n"), lpszPipename);
    while (connected < CLIENTS)
    {
        fConnected = ConnectNamedPipe(hPipe, NULL) ? TRUE : (GetLastError() == ERROR_PIPE_CONNECTED);
        if (!fConnected)
        {
            _tprintf(TEXT("ConnectNamedPipe failed, GLE=%d.\n"), GetLastError());
            CloseHandle(hPipe);
            return -1;
        }
        if (connected + 1 < CLIENTS)
        {
            hNext = CreateNamedPipe(lpszPipename, PIPE_ACCESS_DUPLEX,
                                    PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                    PIPE_UNLIMITED_INSTANCES, BUFSIZE, BUFSIZE, 0, NULL);
            if (hNext == INVALID_HANDLE_VALUE)
            {
                _tprintf(TEXT("CreateNamedPipe failed, GLE=%d.\n"), GetLastError());
                return -1;
            }
        }
        hThreads[connected] = CreateThread(NULL, 0, InstanceThread, (LPVOID)hPipe, 0, &dwThreadId);
        if (hThreads[connected] == NULL)
        {
            _tprintf(TEXT("CreateThread failed, GLE=%d.\n"), GetLastError());
            return -1;
        }
        connected++;
        hPipe = hNext;
    }

    WaitForMultipleObjects(CLIENTS, hThreads, TRUE, INFINITE);
    WaitForMultipleObjects(CLIENTS, hProcesses, TRUE, INFINITE);
    _tprintf(TEXT("Server: %d clients connected and served.\n"), connected);
    for (i = 0; i < CLIENTS; i++)
    {
        _tprintf(TEXT("Client Request String from client %d: \"%s\" (%d reply bytes)\n"),
                 i, gRequests[i], gReplyBytes[i]);
        _tprintf(TEXT("InstanceThread for client %d: %s (GLE=%d).\n"), i,
                 gEndError[i] == ERROR_BROKEN_PIPE ? TEXT("client disconnected") : TEXT("failed"), gEndError[i]);
        CloseHandle(hThreads[i]);
    }
    for (i = 0; i < CLIENTS; i++)
    {
        CHAR chOut[4096];
        DWORD cbOut = 0, dwExit = 0, cbAll = 0;

        while (cbAll < sizeof(chOut) - 1 &&
               ReadFile(hOutputs[i], chOut + cbAll, sizeof(chOut) - 1 - cbAll, &cbOut, NULL) && cbOut)
            cbAll += cbOut;
        chOut[cbAll] = 0;
        GetExitCodeProcess(hProcesses[i], &dwExit);
        _tprintf(TEXT("--- client %d (exit code %d) ---\n%hs"), i, dwExit, chOut);
        CloseHandle(hOutputs[i]);
        CloseHandle(hProcesses[i]);
    }
    return 0;
}

DWORD WINAPI InstanceThread(LPVOID lpvParam)
{
    HANDLE hHeap = GetProcessHeap();
    TCHAR *pchRequest = (TCHAR *)HeapAlloc(hHeap, 0, BUFSIZE * sizeof(TCHAR));
    TCHAR *pchReply = (TCHAR *)HeapAlloc(hHeap, 0, BUFSIZE * sizeof(TCHAR));
    DWORD cbBytesRead = 0, cbReplyBytes = 0, cbWritten = 0;
    BOOL fSuccess = FALSE;
    HANDLE hPipe = (HANDLE)lpvParam;
    LPCTSTR pszNumber;
    DWORD dwEnd = 0;
    int n = -1;

    if (pchRequest == NULL || pchReply == NULL)
        return (DWORD)-1;

    // Serve requests until the client closes its end.
    for (;;)
    {
        fSuccess = ReadFile(hPipe, pchRequest, BUFSIZE * sizeof(TCHAR), &cbBytesRead, NULL);
        if (!fSuccess || cbBytesRead == 0)
        {
            dwEnd = GetLastError();
            break;
        }

        GetAnswerToRequest(pchRequest, pchReply, &cbReplyBytes);
        fSuccess = WriteFile(hPipe, pchReply, cbReplyBytes, &cbWritten, NULL);
        if (!fSuccess || cbReplyBytes != cbWritten)
        {
            dwEnd = GetLastError();
            break;
        }

        // The request names its client: record it in that client's slot.
        pszNumber = _tcsrchr(pchRequest, TEXT(' '));
        n = pszNumber ? _ttoi(pszNumber + 1) : -1;
        if (n >= 0 && n < CLIENTS)
        {
            StringCchCopy(gRequests[n], BUFSIZE, pchRequest);
            gReplyBytes[n] = cbWritten;
        }
    }
    if (n >= 0 && n < CLIENTS)
        gEndError[n] = dwEnd;

    FlushFileBuffers(hPipe);
    DisconnectNamedPipe(hPipe);
    CloseHandle(hPipe);
    HeapFree(hHeap, 0, pchRequest);
    HeapFree(hHeap, 0, pchReply);
    return 1;
}

VOID GetAnswerToRequest(LPTSTR pchRequest, LPTSTR pchReply, LPDWORD pchBytes)
{
    if (FAILED(StringCchPrintf(pchReply, BUFSIZE, TEXT("default answer from server to \"%s\""), pchRequest)))
    {
        *pchBytes = 0;
        pchReply[0] = 0;
        return;
    }
    *pchBytes = (lstrlen(pchReply) + 1) * sizeof(TCHAR);
}
