// C++ guards and std::map / std::unordered_map / std::set writes: lock_guard,
// unique_lock (and its early unlock), scoped_lock, shared_lock (read side).
// RUN: %clang_analyze -std=c++17 -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnsyncMapWrite -Xclang -verify -Xclang -verify-ignore-unexpected=note %s

#include <map>
#include <mutex>
#include <pthread.h>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>

static std::map<int, std::string> sessions;
static std::mutex sessions_mutex;
static std::unordered_map<int, int> counters;
static std::mutex counters_mutex;
static std::set<std::string> names;
static std::mutex names_mutex, other_mutex;
static std::map<std::string, int> cache;
static std::shared_mutex cache_mutex;

static void *session_worker(void *arg) {
  int id = *static_cast<int *>(arg);
  {
    std::lock_guard<std::mutex> guard(sessions_mutex);
    sessions[id] = "worker"; // no-warning
  }
  sessions.erase(id); // expected-warning{{Map 'sessions' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return nullptr;
}

static void *counter_worker(void *arg) {
  std::unique_lock<std::mutex> lock(counters_mutex);
  counters.emplace(1, 2); // no-warning
  lock.unlock();
  counters.clear(); // expected-warning{{Map 'counters' is written without holding a lock, by code that runs on the thread started here; the thread that started it writes it too}}
  return nullptr;
}

static void *names_worker(void *arg) {
  std::scoped_lock guard(names_mutex, other_mutex);
  names.insert("worker"); // no-warning
  return nullptr;
}

static void *cache_worker(void *arg) {
  std::shared_lock<std::shared_mutex> guard(cache_mutex);
  if (cache.count("k") == 0)
    cache.insert_or_assign("k", 1); // expected-warning{{Map 'cache' is written while holding only the read side of 'cache_mutex', by code that runs on the thread started here; the thread that started it writes it too}}
  return nullptr;
}

int main() {
  pthread_t t[4];
  int id = 1;
  pthread_create(&t[0], nullptr, session_worker, &id);
  pthread_create(&t[1], nullptr, counter_worker, &id);
  pthread_create(&t[2], nullptr, names_worker, &id);
  pthread_create(&t[3], nullptr, cache_worker, &id);
  {
    std::lock_guard<std::mutex> guard(sessions_mutex);
    sessions[2] = "main";
  }
  {
    std::lock_guard<std::mutex> guard(counters_mutex);
    counters[3] = 4;
  }
  {
    std::lock_guard<std::mutex> guard(names_mutex);
    names.erase("main");
  }
  {
    std::unique_lock<std::shared_mutex> guard(cache_mutex);
    cache["main"] = 1;
  }
  for (pthread_t &th : t)
    pthread_join(th, nullptr);
}
