// Fuzz target: the .xlsx reader (libzip + the XML tokenizers) on arbitrary bytes. It must never
// crash, hang or leak, and what it returns must keep the Table's promises (fuzz_reader_checks.hpp).
// The same bytes, taken as one XML part, also go through both tokenizers in small chunks: whatever
// expat accepts, the fast tokenizer must accept with the same callbacks.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "formats/xlsx_reader.hpp"
#include "formats/xml_stream.hpp"
#include "fuzz_reader_checks.hpp"

namespace {

class Source final : public lt::formats::ByteSource {
 public:
  Source(std::string_view bytes, std::size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  lt::domain::Result<std::size_t> read(char* buffer, std::size_t capacity) override {
    const std::size_t n = std::min({capacity, chunk_, bytes_.size() - at_});
    bytes_.copy(buffer, n, at_);
    at_ += n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string_view bytes_;
  std::size_t chunk_, at_ = 0;
  std::string name_ = "fuzz.xml";
};

struct Recorder : lt::formats::XmlHandler {
  std::vector<std::string> events;
  void start(std::string_view name, const char** a) override {
    std::string e = "<" + std::string(name);
    for (const char** p = a; p && p[0]; p += 2) e += std::string(" ") + p[0] + "=" + p[1];
    events.push_back(std::move(e));
  }
  void end(std::string_view name) override { events.push_back("/" + std::string(name)); }
  void text(std::string_view t) override {
    if (!events.empty() && events.back().rfind("T", 0) == 0)
      events.back() += t;
    else
      events.push_back("T" + std::string(t));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto limits = lt::fuzz::fuzz_limits();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lt::fuzz::check_table(lt::formats::read_xlsx(bytes, limits), limits);

  Source expat_source(bytes, 1 << 16), fast_source(bytes, 1 + size % 7);
  Recorder by_expat, by_scanner;
  const bool expat_ok = static_cast<bool>(lt::formats::parse_xml(expat_source, by_expat, 0));
  const bool scanner_ok =
      static_cast<bool>(lt::formats::parse_xml(fast_source, by_scanner, 1 << 16));
  if (expat_ok && (!scanner_ok || by_expat.events != by_scanner.events)) std::abort();
  return 0;
}
