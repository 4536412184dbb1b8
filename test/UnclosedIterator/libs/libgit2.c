// libgit2 status lists, diffs and patches, against the real headers.
// REQUIRES: libgit2
// RUN: %clang_analyze -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <git2.h>
#include <stdio.h>

static int check(int err, const char *what) {
  if (err < 0) {
    const git_error *e = git_error_last();
    fprintf(stderr, "%s: %s\n", what, e ? e->message : "?");
  }
  return err;
}

int count_modified(git_repository *repo) {
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED;
  git_status_list *status;
  if (check(git_status_list_new(&status, repo, &opts), "status") < 0)
    return -1;
  size_t n = git_status_list_entrycount(status);
  int modified = 0;
  for (size_t i = 0; i < n; i++) {
    const git_status_entry *e = git_status_byindex(status, i);
    if (e == NULL)
      return -1; // expected-warning{{Iterator opened by 'git_status_list_new' is not closed on this path; call 'git_status_list_free'}}
    if (e->status & GIT_STATUS_WT_MODIFIED)
      modified++;
  }
  git_status_list_free(status);
  return modified;
}

int lines_added(git_repository *repo, git_tree *tree) {
  git_diff *diff = NULL;
  int err = git_diff_tree_to_workdir(&diff, repo, tree, NULL);
  if (err < 0)
    return err;
  size_t added = 0;
  for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
    git_patch *patch;
    if (git_patch_from_diff(&patch, diff, i) < 0) {
      git_diff_free(diff);
      return -1;
    }
    if (patch == NULL)
      continue; // binary or unchanged
    size_t ctx, adds, dels;
    if (git_patch_line_stats(&ctx, &adds, &dels, patch) < 0) {
      git_diff_free(diff);
      return -1; // expected-warning{{Iterator opened by 'git_patch_from_diff' is not closed on this path; call 'git_patch_free'}}
    }
    added += adds;
    git_patch_free(patch);
  }
  git_diff_free(diff);
  return (int)added; // no-warning
}
