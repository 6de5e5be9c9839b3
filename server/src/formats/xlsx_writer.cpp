// libxlsxwriter underneath XlsxWriter (see xlsx_writer.hpp).
#include "formats/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <deque>
#include <optional>

#include "formats/cell_values.hpp"
#include "formats/private_temp.hpp"

namespace lt::formats {

using domain::Error;
using domain::fail;

struct XlsxWriter::Impl {
  PrivateTempDir dir;
  std::string tmpdir;  // libxlsxwriter keeps the pointer
  lxw_workbook* workbook = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* text = nullptr;
  lxw_format* date = nullptr;
  std::deque<XlsxWriter::Sheet> sheets;
  std::optional<Error> error;

  explicit Impl(PrivateTempDir d) : dir(std::move(d)) {}
  ~Impl() {
    if (workbook) workbook_close(workbook);  // an unfinished writer: discard what it wrote
  }
  void check(lxw_error result, const char* what) {
    if (result != LXW_NO_ERROR && !error)
      error = Error::internal(std::string(what) + ": " + lxw_strerror(result));
  }
  lxw_format* format_for(ColumnFormat f) const {
    return f == ColumnFormat::text ? text : f == ColumnFormat::date ? date : nullptr;
  }
};

XlsxWriter::XlsxWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWriter::~XlsxWriter() = default;

domain::Result<std::unique_ptr<XlsxWriter>> XlsxWriter::create(Options options) {
  auto dir = PrivateTempDir::create();
  if (!dir) return fail(std::move(dir.error()));
  auto impl = std::make_unique<Impl>(std::move(*dir));
  impl->tmpdir = impl->dir.path().string();
  lxw_workbook_options opts{};
  opts.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
  opts.tmpdir = impl->tmpdir.data();
  const std::string file = (impl->dir.path() / "out.xlsx").string();
  impl->workbook = workbook_new_opt(file.c_str(), &opts);
  if (!impl->workbook) return fail(Error::internal("workbook_new_opt failed"));
  impl->bold = workbook_add_format(impl->workbook);
  format_set_bold(impl->bold);
  impl->text = workbook_add_format(impl->workbook);
  format_set_num_format_index(impl->text, 49);  // Excel's built-in "@" (Text)
  impl->date = workbook_add_format(impl->workbook);
  format_set_num_format(impl->date, "yyyy-mm-dd");
  return std::unique_ptr<XlsxWriter>(new XlsxWriter(std::move(impl)));
}

XlsxWriter::Sheet& XlsxWriter::add_sheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(impl_->workbook, name.c_str());
  if (!ws && !impl_->error) impl_->error = Error::internal("workbook_add_worksheet " + name);
  impl_->sheets.push_back(Sheet(*impl_, ws));
  return impl_->sheets.back();
}

domain::Result<std::string> XlsxWriter::finish() {
  lxw_workbook* workbook = impl_->workbook;
  impl_->workbook = nullptr;
  const lxw_error closed = workbook_close(workbook);
  if (impl_->error) return fail(std::move(*impl_->error));
  if (closed != LXW_NO_ERROR)
    return fail(Error::internal(std::string("workbook_close: ") + lxw_strerror(closed)));
  return impl_->dir.read_file("out.xlsx");
}

namespace {
lxw_worksheet* ws(void* p) {
  return static_cast<lxw_worksheet*>(p);
}
}  // namespace

void XlsxWriter::Sheet::columns(const std::vector<ColumnSpec>& specs) {
  if (!worksheet_) return;
  formats_.clear();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    owner_.check(worksheet_set_column(ws(worksheet_), col, col, specs[i].width,
                                      owner_.format_for(specs[i].format)),
                 "worksheet_set_column");
    formats_.push_back(specs[i].format);
  }
}

void XlsxWriter::Sheet::header(const std::vector<std::string>& titles) {
  if (!worksheet_) return;
  const auto r = static_cast<lxw_row_t>(next_row_);
  for (std::size_t i = 0; i < titles.size(); ++i)
    owner_.check(worksheet_write_string(ws(worksheet_), r, static_cast<lxw_col_t>(i),
                                        titles[i].c_str(), owner_.bold),
                 "worksheet_write_string");
  ++next_row_;
  worksheet_freeze_panes(ws(worksheet_), static_cast<lxw_row_t>(next_row_), 0);
}

void XlsxWriter::Sheet::row(const std::vector<XlsxCell>& cells) {
  if (!worksheet_) return;
  const auto r = static_cast<lxw_row_t>(next_row_);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto c = static_cast<lxw_col_t>(i);
    const XlsxCell& cell = cells[i];
    // A cell keeps its column's format, so typed-in additions later look the same.
    lxw_format* column_format = i < formats_.size() ? owner_.format_for(formats_[i]) : nullptr;
    switch (cell.kind) {
      case XlsxCell::Kind::blank:
        break;
      case XlsxCell::Kind::text:
        if (!cell.text.empty())
          owner_.check(worksheet_write_string(ws(worksheet_), r, c, cell.text.c_str(),
                                              column_format ? column_format : owner_.text),
                       "worksheet_write_string");
        break;
      case XlsxCell::Kind::number:
        owner_.check(worksheet_write_number(ws(worksheet_), r, c, cell.number, column_format),
                     "worksheet_write_number");
        break;
      case XlsxCell::Kind::date:
        if (auto serial = excel_serial(cell.text))
          owner_.check(worksheet_write_number(ws(worksheet_), r, c, *serial, owner_.date),
                       "worksheet_write_number");
        else if (!cell.text.empty())
          owner_.check(
              worksheet_write_string(ws(worksheet_), r, c, cell.text.c_str(), column_format),
              "worksheet_write_string");
        break;
    }
  }
  ++next_row_;
}

void XlsxWriter::Sheet::line(const std::string& text, bool bold) {
  if (!worksheet_) return;
  if (!text.empty())
    owner_.check(worksheet_write_string(ws(worksheet_), static_cast<lxw_row_t>(next_row_), 0,
                                        text.c_str(), bold ? owner_.bold : nullptr),
                 "worksheet_write_string");
  ++next_row_;
}

void XlsxWriter::Sheet::list_validation(const ListValidation& v) {
  if (!worksheet_) return;
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  dv.ignore_blank = LXW_VALIDATION_ON;
  std::string source = v.source, prompt_title = v.prompt_title, prompt = v.prompt,
              error_title = v.error_title, error_message = v.error_message;
  dv.value_formula = source.data();
  if (!prompt.empty()) {
    dv.show_input = LXW_VALIDATION_ON;
    dv.input_title = prompt_title.empty() ? nullptr : prompt_title.data();
    dv.input_message = prompt.data();
  } else {
    dv.show_input = LXW_VALIDATION_OFF;
  }
  dv.show_error = LXW_VALIDATION_ON;
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  dv.error_title = error_title.empty() ? nullptr : error_title.data();
  dv.error_message = error_message.empty() ? nullptr : error_message.data();
  const auto col = static_cast<lxw_col_t>(v.column);
  owner_.check(worksheet_data_validation_range(ws(worksheet_), static_cast<lxw_row_t>(v.first_row),
                                               col, static_cast<lxw_row_t>(v.last_row), col, &dv),
               "worksheet_data_validation_range");
}

void XlsxWriter::Sheet::hide() {
  if (worksheet_) worksheet_hide(ws(worksheet_));
}

}  // namespace lt::formats
