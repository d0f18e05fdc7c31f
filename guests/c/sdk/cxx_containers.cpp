/*
 * A C++17 Win32 program: classes with virtual functions, templates, std::string, std::vector,
 * std::map, std::unique_ptr, lambdas and <algorithm>, static constructors, function-local statics
 * initialised once while several threads race for them, and new/delete from several threads at once.
 * Built with plain `ntwasm c++`. Expected output confirmed with x86_64-w64-mingw32-g++ + Wine 8.0.
 */
#include <windows.h>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

class Shape {
public:
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual std::string name() const = 0;
};

class Rect : public Shape {
  double w_, h_;
public:
  Rect(double w, double h) : w_(w), h_(h) {}
  double area() const override { return w_ * h_; }
  std::string name() const override { return "rect " + std::to_string((int)w_) + "x" + std::to_string((int)h_); }
};

class Circle : public Shape {
  double r_;
public:
  explicit Circle(double r) : r_(r) {}
  double area() const override { return 3.0 * r_ * r_; }
  std::string name() const override { return "circle r=" + std::to_string((int)r_); }
};

template <typename T, typename F> std::vector<T> filter(const std::vector<T> &v, F keep) {
  std::vector<T> out;
  std::copy_if(v.begin(), v.end(), std::back_inserter(out), keep);
  return out;
}

/* A static object: constructed before main, destroyed after it. */
struct Registry {
  std::map<std::string, int> counts;
  Registry() { std::printf("Registry constructed before main\n"); }
};
static Registry g_registry;

static LONG g_inits;
struct Expensive {
  int value;
  Expensive() : value(1234) { InterlockedIncrement(&g_inits); Sleep(20); }
};
static const Expensive &instance() {
  static Expensive e; /* C++11: initialised exactly once, the other threads wait */
  return e;
}

static DWORD WINAPI worker(LPVOID param) {
  int id = (int)(INT_PTR)param;
  long sum = instance().value;
  for (int round = 0; round < 200; round++) {
    std::vector<std::unique_ptr<std::string>> items;
    for (int i = 0; i < 50; i++) items.push_back(std::make_unique<std::string>(std::string(i + 1, 'a' + id)));
    int *block = new int[64];
    block[63] = round;
    sum += block[63] - round + (long)items.back()->size() - 50;
    delete[] block;
  }
  return (DWORD)sum;
}

int main() {
  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.push_back(std::make_unique<Rect>(3, 4));
  shapes.push_back(std::make_unique<Circle>(3));
  shapes.push_back(std::make_unique<Rect>(10, 1));
  std::sort(shapes.begin(), shapes.end(), [](auto &a, auto &b) { return a->area() < b->area(); });
  for (auto &s : shapes) std::printf("%s: area %.1f\n", s->name().c_str(), s->area());

  std::vector<int> numbers(10);
  std::iota(numbers.begin(), numbers.end(), 1);
  auto even = filter(numbers, [](int n) { return n % 2 == 0; });
  std::printf("even: %zu, sum %d\n", even.size(), std::accumulate(even.begin(), even.end(), 0));

  const char *words[] = {"pipe", "event", "mutex", "event", "pipe", "event"};
  for (const char *w : words) g_registry.counts[w]++;
  for (const auto &[word, count] : g_registry.counts) std::printf("%s: %d\n", word.c_str(), count);

  HANDLE threads[4];
  for (int i = 0; i < 4; i++) threads[i] = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)i, 0, NULL);
  WaitForMultipleObjects(4, threads, TRUE, INFINITE);
  for (int i = 0; i < 4; i++) {
    DWORD code;
    GetExitCodeThread(threads[i], &code);
    std::printf("thread %d: %lu\n", i, code);
    CloseHandle(threads[i]);
  }
  std::printf("Expensive constructed %ld time(s)\n", g_inits);
  return 0;
}
