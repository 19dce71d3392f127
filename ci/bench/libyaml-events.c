/* The floor for Bosun's benchmarks: read each file into memory and pull every libyaml event,
 * doing nothing else. Bosun's own throughput is reported as a ratio to this. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static unsigned char *slurp(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
  *size = fread(buf, 1, (size_t)n, f);
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  unsigned long long events = 0, errors = 0;
  for (int i = 1; i < argc; i++) {
    size_t size = 0;
    unsigned char *buf = slurp(argv[i], &size);
    if (!buf) { errors++; continue; }
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buf, size);
    for (;;) {
      if (!yaml_parser_parse(&parser, &event)) { errors++; break; }
      int done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      events++;
      if (done) break;
    }
    yaml_parser_delete(&parser);
    free(buf);
  }
  printf("%llu events, %llu files with errors\n", events, errors);
  return 0;
}
