// Library calls that write into the object a loop shares with its threads:
// the model's Writes (void * destinations, scanf outputs) and every non-const
// typed pointer parameter of a system function. The C library's own headers.
// RUN: %clang_analyze --analyzer-no-default-checks -o %t.plist \
// RUN:   -Xclang -analyzer-checker=core,cvet.LoopVarCapture -Xclang -verify %s
// With _GNU_SOURCE, glibc passes socket addresses as a transparent union
// (__SOCKADDR_ARG): accept and recvfrom still write through it.
// RUN: %clang_analyze --analyzer-no-default-checks -D_GNU_SOURCE -o %t.gnu.plist \
// RUN:   -Xclang -analyzer-checker=core,cvet.LoopVarCapture -Xclang -verify %s

#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <syslog.h>
#include <unistd.h>

#define MAX_WORKERS 16

struct request {
  unsigned op;
  unsigned len;
  char key[64];
};

void *handle_request(void *arg);

//===--------------------------------------------------------------------===//
// Bugs
//===--------------------------------------------------------------------===//

// A request server that reads every request into the one buffer its
// workers were given.
int request_loop_recv(int fd) {
  struct request req;
  pthread_t workers[MAX_WORKERS];
  int n = 0;
  while (n < MAX_WORKERS && recv(fd, &req, sizeof req, 0) > 0) { // expected-warning{{Address of 'req' is passed to the thread started here, and the loop changes 'req' before the thread is joined}} expected-note{{'recv' writes into 'req' while the thread may still use it}}
    if (pthread_create(&workers[n], NULL, handle_request, &req) != 0) {
      syslog(LOG_ERR, "cannot start a worker: %s", strerror(errno));
      break;
    }
    n++;
  }
  for (int i = 0; i < n; i++)
    pthread_join(workers[i], NULL);
  return n;
}

void request_read_into_reused_struct(int fd) {
  struct request r;
  pthread_t t[MAX_WORKERS];
  int k = 0;
  while (k < MAX_WORKERS && read(fd, &r, sizeof r) == sizeof r) { // expected-warning{{Address of 'r' is passed to the thread started here, and the loop changes 'r' before the thread is joined}} expected-note{{'read' writes into 'r' while the thread may still use it}}
    pthread_create(&t[k], NULL, handle_request, &r);
    k++;
  }
  while (k-- > 0)
    pthread_join(t[k], NULL);
}

struct arg {
  int idx;
  const char *name;
};

void *worker(void *arg);

void struct_refilled_through_void_pointer(const struct arg *src, int n) {
  pthread_t t[MAX_WORKERS];
  struct arg a;
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    memcpy(&a, &src[i], sizeof a); // expected-warning{{Address of 'a' is passed to the thread started here, and the loop changes 'a' before the thread is joined}} expected-note{{'memcpy' writes into 'a' while the thread may still use it}}
    pthread_create(&t[i], NULL, worker, &a);
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    pthread_join(t[i], NULL);
}

// The arguments cleared for each shard: the first shard's thread may read
// the second shard's (or half-cleared) arguments.
struct scan_args {
  int shard;
  const char *root;
  unsigned flags;
};

void *scan_shard(void *arg);

int scan_all(const char *root, int shards) {
  pthread_t tids[MAX_WORKERS];
  struct scan_args args;
  int started = 0;
  for (int i = 0; i < shards && i < MAX_WORKERS; i++) {
    memset(&args, 0, sizeof args); // expected-warning{{Address of 'args' is passed to the thread started here, and the loop changes 'args' before the thread is joined}} expected-note{{'memset' writes into 'args' while the thread may still use it}}
    args.shard = i;
    args.root = root;
    if (pthread_create(&tids[i], NULL, scan_shard, &args)) {
      perror("pthread_create");
      break;
    }
    started++;
  }
  for (int i = 0; i < started; i++)
    pthread_join(tids[i], NULL);
  return started;
}

// An fgets line buffer inside the job handed to a detached thread.
struct line_job {
  char text[256];
  int lineno;
};

void *index_line(void *arg);

void index_file(FILE *fp) {
  struct line_job job = {0};
  pthread_t t;
  while (fgets(job.text, sizeof job.text, fp)) { // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}} expected-note{{'fgets' writes into 'job' while the thread may still use it}}
    if (pthread_create(&t, NULL, index_line, &job) == 0)
      pthread_detach(t);
  }
}

// accept() writes the peer address into the client every thread was given.
struct client {
  struct sockaddr_in addr;
  int fd;
};

void *serve_client(void *arg);

void accept_loop(int lfd) {
  struct client cl;
  socklen_t len = sizeof cl.addr;
  pthread_t t;
  for (;;) {
    int fd = accept(lfd, (struct sockaddr *)&cl.addr, &len); // expected-warning{{Address of 'cl' is passed to the thread started here, and the loop changes 'cl' before the thread is joined}} expected-note{{'accept' writes into 'cl' while the thread may still use it}}
    if (fd < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    cl.fd = fd;
    if (pthread_create(&t, NULL, serve_client, &cl) != 0) {
      close(fd);
      continue;
    }
    pthread_detach(t);
  }
}

// A UDP responder: each datagram's sender is written into the peer the
// previous reply thread was given.
struct peer {
  struct sockaddr_in addr;
  int seq;
};

void *reply_to(void *arg);

void udp_loop(int fd) {
  char buf[1500];
  struct peer p = {.seq = 0};
  socklen_t len;
  pthread_t t;
  for (;;) {
    len = sizeof p.addr;
    ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&p.addr, &len); // expected-warning{{Address of 'p' is passed to the thread started here, and the loop changes 'p' before the thread is joined}} expected-note{{'recvfrom' writes into 'p' while the thread may still use it}}
    if (n < 0)
      break;
    if (pthread_create(&t, NULL, reply_to, &p) == 0)
      pthread_detach(t);
  }
}

// sscanf's outputs.
struct job {
  int id;
  char name[32];
};

void *run_job(void *arg);

void parse_jobs(FILE *fp) {
  char line[128];
  struct job job;
  pthread_t t[MAX_WORKERS];
  int n = 0;
  while (n < MAX_WORKERS && fgets(line, sizeof line, fp)) {
    if (sscanf(line, "%d %31s", &job.id, job.name) != 2) // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}} expected-note{{'sscanf' writes into 'job' while the thread may still use it}}
      continue;
    if (pthread_create(&t[n], NULL, run_job, &job) == 0)
      n++;
  }
  while (n-- > 0)
    pthread_join(t[n], NULL);
}

// A struct member written by a system function (a struct timeval, not a
// lock inside the object).
struct timed_task {
  struct timeval queued;
  int id;
};

void *run_timed(void *arg);

void queue_timed(int n) {
  struct timed_task task;
  pthread_t t[MAX_WORKERS];
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    gettimeofday(&task.queued, NULL); // expected-warning{{Address of 'task' is passed to the thread started here, and the loop changes 'task' before the thread is joined}} expected-note{{'gettimeofday' writes into 'task' while the thread may still use it}}
    task.id = i;
    pthread_create(&t[i], NULL, run_timed, &task);
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    pthread_join(t[i], NULL);
}

void names_copied_in(const char **names, int n) {
  struct job job = {0};
  pthread_t t[MAX_WORKERS];
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    strncpy(job.name, names[i], sizeof job.name - 1); // expected-warning{{Address of 'job' is passed to the thread started here, and the loop changes 'job' before the thread is joined}} expected-note{{'strncpy' writes into 'job' while the thread may still use it}}
    pthread_create(&t[i], NULL, run_job, &job);
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    pthread_join(t[i], NULL);
}

struct record {
  long offset;
  char payload[48];
};

void *apply_record(void *arg);

void replay_journal(FILE *fp) {
  struct record rec;
  pthread_t t[MAX_WORKERS];
  int n = 0;
  while (n < MAX_WORKERS && fread(&rec, sizeof rec, 1, fp) == 1) { // expected-warning{{Address of 'rec' is passed to the thread started here, and the loop changes 'rec' before the thread is joined}} expected-note{{'fread' writes into 'rec' while the thread may still use it}}
    if (pthread_create(&t[n], NULL, apply_record, &rec) == 0)
      n++;
  }
  while (n-- > 0)
    pthread_join(t[n], NULL);
}

//===--------------------------------------------------------------------===//
// Not bugs
//===--------------------------------------------------------------------===//

// Read once, before any thread starts; every worker reads the same request
// on purpose.
void write_before_first_spawn(int fd) {
  struct request req;
  pthread_t t[MAX_WORKERS];
  if (read(fd, &req, sizeof req) != sizeof req)
    return;
  for (int i = 0; i < MAX_WORKERS; i++)
    pthread_create(&t[i], NULL, handle_request, &req);
  for (int i = 0; i < MAX_WORKERS; i++)
    pthread_join(t[i], NULL);
} // no-warning

// Each request is handled before the next one is read.
void handled_before_next_read(int fd) {
  struct request req;
  pthread_t t;
  while (recv(fd, &req, sizeof req, 0) > 0) {
    if (pthread_create(&t, NULL, handle_request, &req) != 0)
      break;
    pthread_join(t, NULL);
  }
}

// A heap copy per request: the buffer can be reused.
void heap_copy_per_request(int fd) {
  struct request req;
  struct request *p;
  pthread_t t;
  while (recv(fd, &req, sizeof req, 0) > 0) {
    memcpy(p = malloc(sizeof *p), &req, sizeof req);
    if (pthread_create(&t, NULL, handle_request, p) != 0) {
      free(p);
      continue;
    }
    pthread_detach(t);
  }
}

// Rounds: the arguments are cleared only after the previous round's threads
// were all joined.
struct round_cfg {
  int round;
  unsigned seed;
};

void *run_round(void *arg);

void rounds_joined_before_reset(int rounds, int n) {
  struct round_cfg cfg;
  pthread_t t[MAX_WORKERS];
  for (int r = 0; r < rounds; r++) {
    memset(&cfg, 0, sizeof cfg);
    cfg.round = r;
    int started;
    for (started = 0; started < n && started < MAX_WORKERS; started++)
      if (pthread_create(&t[started], NULL, run_round, &cfg) != 0)
        break;
    for (int i = 0; i < started; i++)
      pthread_join(t[i], NULL);
  }
}

// Functions that only read what they are given: const parameters.
void readers_only(int fd, int logfd, int n) {
  struct job job = {.id = 7, .name = "indexer"};
  pthread_t t[MAX_WORKERS];
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_create(&t[i], NULL, run_job, &job);
    if (write(logfd, &job, sizeof job) < 0 || strlen(job.name) == 0)
      syslog(LOG_WARNING, "cannot log job %s", job.name);
    send(fd, &job, sizeof job, 0);
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    pthread_join(t[i], NULL);
}

// The loop writes a different object.
void writes_another_buffer(int fd, int n) {
  struct job job = {.id = 1};
  char buf[512];
  pthread_t t[MAX_WORKERS];
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_create(&t[i], NULL, run_job, &job);
    if (read(fd, buf, sizeof buf) <= 0)
      break;
    memset(buf, 0, sizeof buf);
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    pthread_join(t[i], NULL);
}

// Synchronisation objects inside the shared object are shared by design:
// posting a semaphore or signalling a condition is no change of the data.
struct work_queue {
  pthread_mutex_t lock;
  pthread_cond_t ready;
  sem_t slots;
  int pending;
};

void *queue_worker(void *arg);

void signals_its_queue(int n) {
  struct work_queue q = {.pending = 0};
  pthread_t t[MAX_WORKERS];
  pthread_mutex_init(&q.lock, NULL);
  pthread_cond_init(&q.ready, NULL);
  sem_init(&q.slots, 0, 0);
  for (int i = 0; i < n && i < MAX_WORKERS; i++) {
    pthread_create(&t[i], NULL, queue_worker, &q);
    sem_post(&q.slots);
    pthread_cond_signal(&q.ready);
  }
  for (int i = 0; i < n && i < MAX_WORKERS; i++)
    pthread_join(t[i], NULL);
}
