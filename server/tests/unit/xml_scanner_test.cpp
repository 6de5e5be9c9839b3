// The fast XML tokenizer against expat: on the same documents, read in chunks of every awkward
// size, both give the same callbacks (text merged as a handler sees it), and both refuse what is
// not XML we accept — a DOCTYPE, an unknown entity, unclosed markup. A part in another encoding
// falls back to expat; an overlong token is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "formats/xml_stream.hpp"

using namespace lt::formats;

namespace {

class StringSource final : public ByteSource {
 public:
  StringSource(std::string text, std::size_t chunk) : text_(std::move(text)), chunk_(chunk) {}
  lt::domain::Result<std::size_t> read(char* buffer, std::size_t capacity) override {
    const std::size_t n = std::min({capacity, chunk_, text_.size() - at_});
    text_.copy(buffer, n, at_);
    at_ += n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string text_, name_ = "test.xml";
  std::size_t chunk_, at_ = 0;
};

struct Recorder : XmlHandler {
  std::vector<std::string> events;
  std::string stop_at;
  void start(std::string_view name, const char** a) override {
    std::string e = "<" + std::string(name);
    for (const char** p = a; p && p[0]; p += 2) e += " " + std::string(p[0]) + "=" + p[1];
    events.push_back(e);
    if (name == stop_at) stop();
  }
  void end(std::string_view name) override { events.push_back("/" + std::string(name)); }
  void text(std::string_view t) override {
    if (!events.empty() && events.back().rfind("T:", 0) == 0)
      events.back() += t;
    else
      events.push_back("T:" + std::string(t));
  }
};

struct Outcome {
  bool ok;
  std::vector<std::string> events;
};

Outcome run(const std::string& xml, bool fast, std::size_t chunk, std::size_t limit = 1 << 20) {
  StringSource source(xml, chunk);
  Recorder r;
  auto result = parse_xml(source, r, fast ? limit : 0);
  return {static_cast<bool>(result), r.events};
}

void expect_same(const std::string& xml) {
  const Outcome reference = run(xml, false, 1 << 16);
  ASSERT_TRUE(reference.ok) << "expat refused: " << xml.substr(0, 200);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                            std::size_t{64}, std::size_t{1} << 16}) {
    const Outcome fast = run(xml, true, chunk);
    EXPECT_TRUE(fast.ok) << "chunk " << chunk << ": " << xml.substr(0, 200);
    EXPECT_EQ(fast.events, reference.events) << "chunk " << chunk;
  }
}

void expect_both_refuse(const std::string& xml) {
  EXPECT_FALSE(run(xml, false, 1 << 16).ok) << "expat accepted: " << xml;
  for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{1} << 16})
    EXPECT_FALSE(run(xml, true, chunk).ok) << "chunk " << chunk << ": " << xml;
}

}  // namespace

TEST(XmlScanner, GivesTheSameCallbacksAsExpat) {
  expect_same(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- a comment -->"
      "<worksheet xmlns=\"urn:x\" xmlns:r=\"urn:r\"><sheetData><row r=\"1\" spans='1:3'>"
      "<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> Bob &amp; Ann "
      "</t></is></c><c r = 'B1' s=\"2\" ><v>1.5</v></c><c r=\"C1\"/></row></sheetData>"
      "</worksheet>");
  expect_same("<a>&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#xe9;&#x1F642; 東京 caf\xC3\xA9</a>");
  expect_same("<a x=\"1 &amp; 2\" y='&quot;q&quot;' z=\"a&#10;b\tc\nd\r\ne\">t</a>");
  expect_same("<a x=\"&lt;&#60;&gt;>\"/>");
  expect_same("<a>line\r\nbreak\rand\nmore</a>");
  expect_same("<a><![CDATA[<b>not &amp; markup</b>\r\n]]>after</a>");
  expect_same("<a><?pi some data?>x<!---->y<!-- - -->z</a>");
  expect_same("<x:a xmlns:x=\"urn:x\"><x:b x:c=\"1\"/></x:a>");
  expect_same("\xEF\xBB\xBF<a>bom</a>");
  expect_same("<a>greater > than</a>");
  expect_same("<a\n  b=\"1\"\n/>");
  std::string big = "<a>";
  for (int i = 0; i < 20000; ++i) big += "x&amp;y\r\n" + std::to_string(i);
  expect_same(big + "</a>");
}

TEST(XmlScanner, RefusesWhatExpatRefuses) {
  expect_both_refuse("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>");
  expect_both_refuse("<a>&nbsp;</a>");
  expect_both_refuse("<a>&#0;</a>");
  expect_both_refuse("<a>&#xD800;</a>");
  expect_both_refuse("<a>fish & chips</a>");
  expect_both_refuse("<a b=c/>");
  expect_both_refuse("<a b=\"1\"c=\"2\"/>");
  expect_both_refuse("<a b/>");
  expect_both_refuse("<a b=\"<\"/>");
  expect_both_refuse("<a><b");
  expect_both_refuse("<a><!-- never closed");
  expect_both_refuse("<a><![CDATA[never closed");
  expect_both_refuse("<a></>");
  expect_both_refuse("< a/>");
  expect_both_refuse("<a><b></a></b>");
  expect_both_refuse("<a/><b/>");
  expect_both_refuse("text<a/>");
  expect_both_refuse("<a>");
  expect_both_refuse("");
}

TEST(XmlScanner, StopsWhenTheHandlerSaysSo) {
  StringSource source("<a><b/><c>never read</c>", 3);
  Recorder r;
  r.stop_at = "b";
  ASSERT_TRUE(parse_xml(source, r, 1 << 20));
  EXPECT_EQ(r.events, (std::vector<std::string>{"<a", "<b"}));
}

TEST(XmlScanner, RefusesTokensOverTheLimit) {
  const std::string xml = "<a><!--" + std::string(5000, 'x') + "--></a>";
  EXPECT_TRUE(run(xml, true, 64, 10000).ok);
  const Outcome over = run(xml, true, 64, 1000);
  EXPECT_FALSE(over.ok);
  EXPECT_TRUE(run("<a>" + std::string(100000, 't') + "</a>", true, 64, 1000).ok)
      << "text is handed out as it comes, so it is no token";
}

TEST(XmlScanner, OtherEncodingsGoToExpat) {
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>";
  const Outcome o = run(latin1, true, 1 << 16);
  ASSERT_TRUE(o.ok);
  EXPECT_EQ(o.events, (std::vector<std::string>{"<a", "T:caf\xC3\xA9", "/a"}));
  EXPECT_TRUE(run(std::string("\xFF\xFE<\0a\0/\0>\0", 10), true, 1 << 16).ok) << "UTF-16";
}
