/*
 * std::wstring in a Win32 C++ program, with the 16-bit wchar_t Windows has: construction from L""
 * literals, append, insert, replace, substr, find/rfind, comparison, std::to_wstring and std::stoi on
 * wide strings, passing c_str() to W functions (lstrcmpW, MultiByteToWideChar, GetEnvironmentVariableW)
 * and printing through WideCharToMultiByte. Built with plain `ntwasm c++`.
 * Expected output confirmed with x86_64-w64-mingw32-g++ + Wine 8.0.
 */
#include <windows.h>
#include <cstdio>
#include <string>
#include <vector>
#include <algorithm>

static void show(const char *label, const std::wstring &w) {
  int n = WideCharToMultiByte(CP_UTF8, 0, w.c_str(), (int)w.size(), NULL, 0, NULL, NULL);
  std::string utf8(n, '\0');
  WideCharToMultiByte(CP_UTF8, 0, w.c_str(), (int)w.size(), &utf8[0], n, NULL, NULL);
  std::printf("%s: [%s] (%zu code units)\n", label, utf8.c_str(), w.size());
}

static std::wstring fromUtf8(const char *s) {
  int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
  std::wstring w(n - 1, L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s, -1, &w[0], n);
  return w;
}

int main() {
  std::wstring greeting = L"Hello, wide world";
  show("substr", greeting.substr(7, 4));
  std::printf("find world: %zu, rfind o: %zu, npos: %d\n", greeting.find(L"world"), greeting.rfind(L'o'),
              greeting.find(L"absent") == std::wstring::npos);
  greeting.insert(0, L">> ");
  greeting.append(3, L'!');
  show("edited", greeting);

  std::wstring long_one(100, L'x');
  long_one.replace(10, 5, L"ABCDE");
  std::printf("long: size %zu, [10..15) = %c%c%c%c%c\n", long_one.size(), (char)long_one[10], (char)long_one[11],
              (char)long_one[12], (char)long_one[13], (char)long_one[14]);

  std::wstring non_ascii = fromUtf8("Grüße, 世界 \xF0\x9F\x98\x80");
  show("non-ASCII", non_ascii);
  std::printf("lstrcmpW(c_str, L\"...\") = %d\n", lstrcmpW(non_ascii.c_str(), L"Grüße, 世界 \U0001F600"));

  std::wstring number = std::to_wstring(-12345) + L"/" + std::to_wstring(4000000000u);
  show("to_wstring", number);
  size_t used = 0;
  int parsed = std::stoi(std::wstring(L"  42 apples"), &used);
  std::printf("stoi: %d (used %zu), stoul hex: %lu\n", parsed, used, std::stoul(L"ff", nullptr, 16));

  std::vector<std::wstring> names = {L"mutex", L"Event", L"pipe", L"semaphore"};
  std::sort(names.begin(), names.end(), [](const std::wstring &a, const std::wstring &b) {
    return lstrcmpiW(a.c_str(), b.c_str()) < 0;
  });
  for (const auto &n : names) show("sorted", n);

  SetEnvironmentVariableW(L"NTWASM_CXX", L"value from SetEnvironmentVariableW");
  std::wstring buffer(64, L'\0');
  DWORD len = GetEnvironmentVariableW(L"NTWASM_CXX", &buffer[0], (DWORD)buffer.size());
  buffer.resize(len);
  show("environment", buffer);
  return 0;
}
