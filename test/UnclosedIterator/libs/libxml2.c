// libxml2 text readers and XPath contexts and results, against the real
// headers.
// REQUIRES: libxml2
// RUN: %clang_analyze -I/usr/include/libxml2 -o %t.plist \
// RUN:   -Xclang -analyzer-checker=cvet.UnclosedIterator -Xclang -verify %s

#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <string.h>

int count_elements(const char *path, const char *name) {
  xmlTextReaderPtr reader = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
  if (reader == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    return -1;
  }
  int n = 0, ret;
  while ((ret = xmlTextReaderRead(reader)) == 1) {
    const xmlChar *tag = xmlTextReaderConstName(reader);
    if (tag == NULL)
      return -1; // expected-warning{{Iterator returned by 'xmlReaderForFile' is not closed on this path; call 'xmlFreeTextReader'}}
    if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_ELEMENT &&
        strcmp((const char *)tag, name) == 0)
      n++;
  }
  xmlFreeTextReader(reader);
  if (ret != 0) {
    fprintf(stderr, "%s: parse error\n", path);
    return -1;
  }
  return n; // no-warning
}

static int print_nodes(xmlNodeSetPtr nodes) {
  int n = nodes ? nodes->nodeNr : 0;
  for (int i = 0; i < n; i++)
    printf("%s\n", (const char *)nodes->nodeTab[i]->name);
  return n;
}

int query(xmlDocPtr doc, const char *expr, const char *prefix, const char *uri) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (!ctx)
    return -1;
  if (prefix && xmlXPathRegisterNs(ctx, BAD_CAST prefix, BAD_CAST uri) != 0) {
    fprintf(stderr, "cannot register namespace %s\n", prefix);
    return -1; // expected-warning{{Iterator returned by 'xmlXPathNewContext' is not closed on this path; call 'xmlXPathFreeContext'}}
  }
  xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  if (!obj) {
    xmlXPathFreeContext(ctx);
    return -1;
  }
  int n = print_nodes(obj->nodesetval);
  xmlXPathFreeContext(ctx);
  return n; // expected-warning{{Iterator returned by 'xmlXPathEvalExpression' is not closed on this path; call 'xmlXPathFreeObject'}}
}

int query_ok(xmlDocPtr doc, const char *expr) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (!ctx)
    return -1;
  xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  int n = obj ? print_nodes(obj->nodesetval) : -1;
  xmlXPathFreeObject(obj);
  xmlXPathFreeContext(ctx);
  return n; // no-warning
}
