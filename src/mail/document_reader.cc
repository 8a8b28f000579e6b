#include "mail/document_reader.h"

#include "mail/extractor.h"

namespace sendguard {

Blob ReadContext::Member(std::string_view data, std::string_view name) const {
  Blob inner;
  inner.data = data;
  inner.filename = name;
  inner.label = blob_.label + "/" + std::string(name);
  return inner;
}

bool ReadContext::Nest(Blob& inner) {
  inner.part = blob_.part;
  inner.depth = blob_.depth + 1;
  return budget_.AllowDepth(inner.depth, blob_.label);
}

void ReadContext::Recurse(Blob inner) {
  if (Nest(inner)) extractor_.Extract(inner);
}

void ReadContext::RecurseMessage(Blob message) {
  if (Nest(message)) extractor_.ExtractMessage(message);
}

void ReaderRegistry::Register(std::unique_ptr<DocumentReader> reader) {
  readers_.push_back(std::move(reader));
}

const DocumentReader* ReaderRegistry::Find(const Blob& blob, ContentKind sniffed) const {
  for (const std::unique_ptr<DocumentReader>& reader : readers_) {
    if (reader->Accepts(blob, sniffed)) return reader.get();
  }
  return nullptr;
}

}  // namespace sendguard
