// C++ maps keyed by const char * and std::string_view borrow; std::string
// keys are copies.
// RUN: %analyze_subrange -std=c++17 -Xclang -verify %s

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

struct CStrLess {
  bool operator()(const char *a, const char *b) const { return std::strcmp(a, b) < 0; }
};

static std::map<const char *, int, CStrLess> g_counts;
static std::unordered_map<std::string_view, int> g_views;
static std::map<std::string, int> g_names;

void count_words(std::FILE *fp) {
  char line[256];
  while (std::fgets(line, sizeof line, fp)) {
    char *sp = std::strchr(line, ' ');
    if (!sp)
      continue;
    *sp = '\0';
    g_counts[sp + 1] += 1; // expected-warning{{Pointer from 'strchr' into 'line' is stored as a key of 'g_counts'; it dangles when 'line' is refilled by 'fgets' at line 22 — store a copy (std::string, strndup)}}
  }
}

void count_views(std::FILE *fp) {
  char line[256];
  while (std::fgets(line, sizeof line, fp)) {
    std::size_t n = std::strcspn(line, "\n");
    g_views.emplace(std::string_view(line, n), 1); // expected-warning{{View into 'line' is stored as a key of 'g_views'; it dangles when 'line' is refilled by 'fgets' at line 33 — store a copy (std::string, strndup)}}
  }
}

void count_names(std::FILE *fp) {
  char line[256];
  while (std::fgets(line, sizeof line, fp)) {
    char *sp = std::strchr(line, ' ');
    if (sp)
      g_names[sp + 1] += 1; // no-warning
  }
}

// A local map that dies with the buffer.
int distinct_fields(const char *rec) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s", rec);
  std::map<const char *, int, CStrLess> seen;
  for (char *p = std::strchr(buf, ','); p; p = std::strchr(p + 1, ','))
    seen.emplace(p + 1, 1); // no-warning
  return static_cast<int>(seen.size());
}

// Prefix views: a view of part of the line, made with substr or from a
// pointer into it.
void count_keys(std::FILE *fp) {
  char line[256];
  while (std::fgets(line, sizeof line, fp)) {
    std::string_view rec(line);
    std::size_t colon = rec.find(':');
    if (colon == std::string_view::npos)
      continue;
    g_views.emplace(rec.substr(0, colon), 1); // expected-warning{{View into 'line' is stored as a key of 'g_views'}}
  }
}

void count_values(std::FILE *fp) {
  char line[256];
  while (std::fgets(line, sizeof line, fp)) {
    const char *colon = std::strchr(line, ':');
    if (!colon)
      continue;
    g_views[std::string_view(colon + 1, std::strcspn(colon + 1, "\n"))] += 1; // expected-warning{{Pointer from 'strchr' into 'line' is stored as a key of 'g_views'}}
  }
}

// Views of a static table live as long as the program.
static const char kKeywords[] = "if else while";

void index_keywords() {
  std::string_view all(kKeywords);
  g_views.emplace(all.substr(0, 2), 0); // no-warning
  g_views.emplace(all.substr(3, 4), 1); // no-warning
}
