// The fast XML tokenizer (see xml_scanner.hpp). It keeps a buffer of unread input, hands out
// every complete token in it, and reads more only when a token runs past the end.
#include "formats/xml_scanner.hpp"

#include <charconv>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lt::formats {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_name_end(char c) {
  return is_space(c) || c == '/' || c == '>' || c == '=';
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

enum class Mode { text, attribute, cdata };

// Appends [p, end) with line ends normalised (CR LF and a lone CR are LF, XML 1.0 2.11), and in
// text and attributes with references decoded; in attributes, white space becomes a space (3.3.3).
// False on a bad reference.
bool decode(const char* p, const char* end, std::string& out, Mode mode = Mode::text) {
  const bool attribute = mode == Mode::attribute;
  while (p < end) {
    const char* special = p;
    while (special < end && *special != '\r' && !(mode != Mode::cdata && *special == '&') &&
           !(attribute && (*special == '\n' || *special == '\t')))
      ++special;
    out.append(p, static_cast<std::size_t>(special - p));
    if (special == end) return true;
    if (*special == '\r') {
      out.push_back(attribute ? ' ' : '\n');
      p = special + 1;
      if (p < end && *p == '\n') ++p;
      continue;
    }
    if (*special != '&') {  // a tab or line feed in an attribute
      out.push_back(' ');
      p = special + 1;
      continue;
    }
    const char* semi = static_cast<const char*>(std::memchr(special, ';', end - special));
    if (!semi || semi - special > 12) return false;
    const std::string_view ref(special + 1, static_cast<std::size_t>(semi - special - 1));
    if (ref == "lt") {
      out.push_back('<');
    } else if (ref == "gt") {
      out.push_back('>');
    } else if (ref == "amp") {
      out.push_back('&');
    } else if (ref == "quot") {
      out.push_back('"');
    } else if (ref == "apos") {
      out.push_back('\'');
    } else if (ref.size() >= 2 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const char* first = ref.data() + (hex ? 2 : 1);
      const char* last = ref.data() + ref.size();
      unsigned cp = 0;
      const auto r = std::from_chars(first, last, cp, hex ? 16 : 10);
      if (r.ec != std::errc() || r.ptr != last || first == last) return false;
      const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!allowed) return false;
      append_utf8(out, cp);
    } else {
      return false;  // no DTD, so no other entity exists
    }
    p = semi + 1;
  }
  return true;
}

}  // namespace

// Lets the tokenizer stop with the handler's own error.
class XmlScannerAccess {
 public:
  static std::optional<domain::Error>& error(XmlHandler& h) { return h.error_; }
};

namespace {

class Scanner {
 public:
  Scanner(ByteSource& entry, XmlHandler& handler, std::size_t max_token)
      : entry_(entry), handler_(handler), max_token_(max_token) {}

  domain::Result<void> run(std::string_view first) {
    buffer_.assign(first);
    if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;  // parse_xml reads 3+ bytes first
    for (;;) {
      const Step step = advance();
      if (step == Step::failed) return domain::fail(std::move(*error_));
      if (step == Step::stopped) return domain::ok();
      // Step::more: keep the unfinished token and read on
      if (buffer_.size() - pos_ > max_token_)
        return domain::fail(damaged_workbook(entry_.name() + ": token longer than the limit"));
      buffer_.erase(0, pos_);
      pos_ = 0;
      if (eof_) {
        if (buffer_.find_first_not_of(" \t\r\n") != std::string::npos)
          return domain::fail(damaged_workbook(entry_.name() + ": ends inside markup"));
        if (depth_ > 0 || !seen_root_)
          return domain::fail(
              damaged_workbook(entry_.name() + ": ends before its root element is closed"));
        return domain::ok();
      }
      if (!chunk_) chunk_ = std::make_unique<char[]>(kChunk);
      auto n = entry_.read(chunk_.get(), kChunk);
      if (!n) return domain::fail(std::move(n.error()));
      buffer_.append(chunk_.get(), *n);
      if (*n == 0) eof_ = true;
    }
  }

 private:
  enum class Step { more, stopped, failed };
  static constexpr std::size_t kChunk = 1 << 16;

  Step fail(const std::string& why) {
    error_ = damaged_workbook(entry_.name() + ": " + why);
    return Step::failed;
  }
  Step after_callback() {
    if (handler_.stopping())
      return XmlScannerAccess::error(handler_) ? take_handler_error() : Step::stopped;
    return Step::more;
  }
  Step take_handler_error() {
    error_ = std::move(*XmlScannerAccess::error(handler_));
    return Step::failed;
  }

  // Hands out every complete token in the buffer; `more` when the rest needs more input.
  Step advance() {
    const char* const base = buffer_.data();
    const std::size_t size = buffer_.size();
    while (pos_ < size) {
      if (base[pos_] != '<') {
        const char* lt = static_cast<const char*>(std::memchr(base + pos_, '<', size - pos_));
        std::size_t end = lt ? static_cast<std::size_t>(lt - base) : size;
        if (!lt && !eof_) {
          // Text running past the buffer: hand out what cannot be part of a reference or CR LF.
          const std::size_t amp = buffer_.rfind('&', size - 1);
          if (amp != std::string::npos && amp >= pos_ &&
              buffer_.find(';', amp) == std::string::npos)
            end = amp;
          if (end > pos_ && base[end - 1] == '\r') --end;
          if (end == pos_) return Step::more;
        }
        if (depth_ == 0) {  // outside the root element only white space may appear
          for (std::size_t i = pos_; i < end; ++i)
            if (!is_space(base[i])) return fail("text outside the root element");
          pos_ = end;
          if (!lt && !eof_) return Step::more;
          continue;
        }
        text_.clear();
        if (!decode(base + pos_, base + end, text_)) return fail("bad character reference");
        pos_ = end;
        handler_.text(text_);
        if (const Step s = after_callback(); s != Step::more) return s;
        if (!lt && !eof_) return Step::more;
        continue;
      }
      const Step step = markup();
      if (step != Step::more) return step;
      if (!progressed_) return Step::more;
    }
    return Step::more;
  }

  // One markup token at pos_; sets progressed_ when it was complete.
  Step markup() {
    progressed_ = false;
    const std::string_view rest = std::string_view(buffer_).substr(pos_);
    if (rest.size() < 2) return eof_ ? fail("ends inside markup") : Step::more;
    auto skip_to = [&](std::string_view close, std::size_t from) -> Step {
      const auto at = rest.find(close, from);
      if (at == std::string_view::npos) return eof_ ? fail("unclosed markup") : Step::more;
      pos_ += at + close.size();
      progressed_ = true;
      return Step::more;
    };
    if (rest[1] == '?') return skip_to("?>", 2);
    if (rest[1] == '!') {
      if (rest.size() < 9 && !eof_) return Step::more;
      if (rest.substr(0, 4) == "<!--") return skip_to("-->", 4);
      if (rest.substr(0, 9) == "<![CDATA[") {
        const auto at = rest.find("]]>", 9);
        if (at == std::string_view::npos) return eof_ ? fail("unclosed CDATA") : Step::more;
        if (depth_ == 0) return fail("CDATA outside the root element");
        text_.clear();
        decode(rest.data() + 9, rest.data() + at, text_, Mode::cdata);
        pos_ += at + 3;
        progressed_ = true;
        handler_.text(text_);
        return after_callback();
      }
      return fail("DOCTYPE refused");
    }
    if (rest[1] == '/') {
      const auto close = rest.find('>', 2);
      if (close == std::string_view::npos) return eof_ ? fail("unclosed end tag") : Step::more;
      std::string_view name = rest.substr(2, close - 2);
      while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
      if (name.empty()) return fail("empty end tag");
      pos_ += close + 1;
      progressed_ = true;
      if (depth_ == 0) return fail("end tag without a start tag");
      if (std::string_view(open_).substr(open_starts_.back()) != name)
        return fail("end tag does not match its start tag");
      open_.resize(open_starts_.back());
      open_starts_.pop_back();
      --depth_;
      name_.assign(name);
      handler_.end(local_name(name_));
      return after_callback();
    }
    return start_tag(rest);
  }

  Step start_tag(std::string_view rest) {
    std::size_t i = 1;
    while (i < rest.size() && !is_name_end(rest[i])) ++i;
    if (i == rest.size()) return eof_ ? fail("unclosed start tag") : Step::more;
    if (i == 1) return fail("empty element name");
    // Names and values go to scratch_ as NUL-terminated strings; pointers are made at the end,
    // once scratch_ no longer grows.
    scratch_.clear();
    offsets_.clear();
    name_.assign(rest.substr(1, i - 1));
    for (;;) {
      while (i < rest.size() && is_space(rest[i])) ++i;
      if (i >= rest.size()) return eof_ ? fail("unclosed start tag") : Step::more;
      bool empty = false;
      if (rest[i] == '/') {
        if (i + 1 >= rest.size()) return eof_ ? fail("unclosed start tag") : Step::more;
        if (rest[i + 1] != '>') return fail("stray / in a tag");
        empty = true;
        i += 2;
      } else if (rest[i] == '>') {
        i += 1;
      } else {
        const std::size_t name_start = i;
        while (i < rest.size() && !is_name_end(rest[i])) ++i;
        const std::size_t name_end = i;
        while (i < rest.size() && is_space(rest[i])) ++i;
        if (i >= rest.size()) return eof_ ? fail("unclosed start tag") : Step::more;
        if (rest[i] != '=' || name_end == name_start) return fail("attribute without a value");
        ++i;
        while (i < rest.size() && is_space(rest[i])) ++i;
        if (i >= rest.size()) return eof_ ? fail("unclosed start tag") : Step::more;
        const char quote = rest[i];
        if (quote != '"' && quote != '\'') return fail("unquoted attribute");
        const auto close = rest.find(quote, i + 1);
        if (close == std::string_view::npos) return eof_ ? fail("unclosed attribute") : Step::more;
        offsets_.push_back(scratch_.size());
        scratch_.append(rest.substr(name_start, name_end - name_start));
        scratch_.push_back('\0');
        if (rest.substr(i + 1, close - i - 1).find('<') != std::string_view::npos)
          return fail("< in an attribute");  // a raw one; &lt; and &#60; are fine
        offsets_.push_back(scratch_.size());
        if (!decode(rest.data() + i + 1, rest.data() + close, scratch_, Mode::attribute))
          return fail("bad character reference");
        scratch_.push_back('\0');
        i = close + 1;
        if (i < rest.size() && !is_space(rest[i]) && rest[i] != '/' && rest[i] != '>')
          return fail("attributes run together");
        continue;
      }
      pos_ += i;
      progressed_ = true;
      if (depth_ == 0 && seen_root_) return fail("a second root element");
      seen_root_ = true;
      if (!empty) {
        ++depth_;
        open_starts_.push_back(open_.size());
        open_ += name_;
      }
      pointers_.clear();
      for (std::size_t o : offsets_) pointers_.push_back(scratch_.data() + o);
      pointers_.push_back(nullptr);
      handler_.start(local_name(name_), pointers_.data());
      if (const Step s = after_callback(); s != Step::more) return s;
      if (empty) {
        handler_.end(local_name(name_));
        return after_callback();
      }
      return Step::more;
    }
  }

  ByteSource& entry_;
  XmlHandler& handler_;
  std::size_t max_token_;
  std::string buffer_;
  std::unique_ptr<char[]> chunk_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  bool progressed_ = false;
  std::size_t depth_ = 0;                 // open elements
  std::string open_;                      // their names, one after another
  std::vector<std::size_t> open_starts_;  // where each begins in open_
  bool seen_root_ = false;
  std::string text_, name_, scratch_;
  std::vector<std::size_t> offsets_;
  std::vector<const char*> pointers_;
  std::optional<domain::Error> error_;
};

}  // namespace

domain::Result<void> scan_xml(std::string_view first, ByteSource& entry, XmlHandler& handler,
                              std::size_t max_token_bytes) {
  return Scanner(entry, handler, max_token_bytes).run(first);
}

}  // namespace lt::formats
