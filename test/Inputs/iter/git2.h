// Mock of git2.h: revision walkers and iterators.
#pragma clang system_header
#ifndef CVET_MOCK_GIT2_H
#define CVET_MOCK_GIT2_H
typedef struct git_repository git_repository;
typedef struct git_revwalk git_revwalk;
typedef struct git_reference git_reference;
typedef struct git_branch_iterator git_branch_iterator;
typedef struct git_reference_iterator git_reference_iterator;
typedef struct git_config git_config;
typedef struct git_config_entry git_config_entry;
typedef struct git_config_iterator git_config_iterator;
typedef struct git_oid { unsigned char id[20]; } git_oid;
typedef enum { GIT_BRANCH_LOCAL = 1, GIT_BRANCH_REMOTE = 2, GIT_BRANCH_ALL = 3 } git_branch_t;
#define GIT_OK 0
#define GIT_ITEROVER (-31)
int git_revwalk_new(git_revwalk **out, git_repository *repo);
int git_revwalk_push_head(git_revwalk *walk);
int git_revwalk_next(git_oid *out, git_revwalk *walk);
void git_revwalk_free(git_revwalk *walk);
int git_branch_iterator_new(git_branch_iterator **out, git_repository *repo,
                            git_branch_t list_flags);
int git_branch_next(git_reference **out, git_branch_t *out_type,
                    git_branch_iterator *iter);
void git_branch_iterator_free(git_branch_iterator *iter);
int git_reference_iterator_new(git_reference_iterator **out,
                               git_repository *repo);
int git_reference_next(git_reference **out, git_reference_iterator *iter);
void git_reference_iterator_free(git_reference_iterator *iter);
int git_config_iterator_new(git_config_iterator **out, const git_config *cfg);
int git_config_next(git_config_entry **entry, git_config_iterator *iter);
void git_config_iterator_free(git_config_iterator *iter);
void git_reference_free(git_reference *ref);
#endif
