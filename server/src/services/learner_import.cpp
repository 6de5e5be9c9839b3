// The learner import's checks and generated usernames (see learner_import.hpp).
#include "services/learner_import.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <sodium.h>

#include "auth/permissions.hpp"
#include "domain/generated_username.hpp"
#include "domain/learner_import_columns.hpp"
#include "domain/text.hpp"
#include "services/learner_checks.hpp"
#include "store/providers_repo.hpp"
#include "store/reference_repo.hpp"

namespace lt::services {

using domain::ImportColumn;
using store::learner_import::NewLearner;

namespace {

// A provider a row may name by UKPRN, and whether the uploader may add learners there.
struct ProviderChoice {
  Id id = 0;
  bool allowed = false;
  bool learners_add_qualifications = true;
};

std::unordered_map<std::string, ProviderChoice> providers_by_ukprn(soci::session& sql,
                                                                   const Context& ctx) {
  std::unordered_map<std::string, ProviderChoice> out;
  store::providers::ListFilter filter;
  filter.limit = 500;
  for (;;) {
    auto page = store::providers::list(sql, ctx.tenant_id, filter);
    for (const auto& p : page.items)
      out[p.ukprn] = {p.id,
                      auth::can(*ctx.principal, auth::Permission::learners_edit,
                                {ctx.tenant_id, {p.id}, {}, {}}),
                      p.learners_add_qualifications};
    if (!page.next_cursor || page.items.empty()) return out;
    filter.after = page.items.back().id;
  }
}

// A choice column's accepted spellings (label or code, any case) -> code.
using Choices = std::unordered_map<std::string, std::string>;
using ChoiceLists = std::map<std::string, Choices, std::less<>>;  // list name -> its choices
ChoiceLists choice_lists(soci::session& sql) {
  ChoiceLists out;
  for (const auto& column : domain::learner_import_columns()) {
    if (column.list.empty()) continue;
    auto& choices = out[std::string(column.list)];
    for (const auto& item : store::reference::items(sql, std::string(column.list))) {
      choices[domain::ascii_lower(item.label)] = item.code;
      choices[domain::ascii_lower(item.code)] = item.code;
    }
  }
  return out;
}

// Where each template column is in the file; errors for missing, unknown and repeated headings.
std::vector<const ImportColumn*> map_header(const formats::Table& table,
                                            std::vector<ImportError>& errors) {
  std::vector<const ImportColumn*> at(table.header.size(), nullptr);
  std::set<std::string_view> seen;
  const auto add = [&](std::string column, std::string value, std::string message) {
    errors.push_back({table.header_row, std::move(column), std::move(value), std::move(message)});
  };
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string heading = domain::trim(table.header[i]);
    if (heading.empty()) continue;
    const ImportColumn* column = domain::find_learner_import_column(heading);
    if (!column)
      add(formats::column_letters(i), heading,
          "\"" + heading +
              "\" is not a column of the learner import template. Remove the column, or copy "
              "your data into the template.");
    else if (!seen.insert(column->key).second)
      add(formats::column_letters(i), heading,
          "The column \"" + std::string(column->label) + "\" appears twice.");
    else
      at[i] = column;
  }
  for (const auto& column : domain::learner_import_columns())
    if (column.mandatory && !seen.count(column.key))
      add(domain::import_heading(column), "",
          "The mandatory column \"" + std::string(column.label) +
              "\" is missing. Download the template to see the columns expected.");
  return at;
}

// The form's field each template column fills (all but the UKPRN, which is not a form field).
const std::map<std::string_view, std::optional<std::string> LearnerInput::*>& fields_by_key() {
  static const std::map<std::string_view, std::optional<std::string> LearnerInput::*> fields = {
      {"year_group", &LearnerInput::year_group},
      {"first_name", &LearnerInput::first_name},
      {"last_name", &LearnerInput::last_name},
      {"postcode", &LearnerInput::postcode},
      {"date_of_birth", &LearnerInput::date_of_birth},
      {"email", &LearnerInput::email},
      {"house", &LearnerInput::house},
      {"street", &LearnerInput::street},
      {"locality", &LearnerInput::locality},
      {"town", &LearnerInput::town},
      {"telephone", &LearnerInput::telephone},
      {"uln", &LearnerInput::uln},
      {"upn", &LearnerInput::upn},
      {"ccis", &LearnerInput::ccis},
      {"gender", &LearnerInput::gender},
      {"ethnicity", &LearnerInput::ethnicity},
  };
  return fields;
}

// The learner's status flags as migration 0006's view computes them for a new learner (never
// signed in, every section incomplete, defaults followed); its trigger corrects any drift.
int new_learner_flags(bool provider_learners_add) {
  return 1 | 4 | 32 | (provider_learners_add ? 0 : 16);
}

// A person of the duplicate checks, as 128 bits: SipHash-2-4 of their fields (libsodium's
// shorthash) under two keys drawn at random for each import. The learners already there with a
// file's last names can be most of a big tenant; as tuples of strings in a std::set they took
// about 140 bytes each (150 MB for a tenant of 1,000,000 learners), as prints 16. The file's own
// people are held as prints too (a 100,000-row import's peak fell by about 10 MB, with the ULNs
// held as numbers). Two people share a print with a chance of about n * m / 2^128 for n people
// and m rows: never, in practice. Random keys mean a file cannot be made to collide on purpose.
struct PersonPrint {
  std::uint64_t a = 0, b = 0;
  bool operator==(const PersonPrint&) const = default;
};
struct PersonPrintHash {
  std::size_t operator()(const PersonPrint& p) const { return p.a; }
};
class PersonPrinter {
 public:
  PersonPrinter() {
    randombytes_buf(key_a_.data(), key_a_.size());
    randombytes_buf(key_b_.data(), key_b_.size());
  }
  PersonPrint operator()(Id provider, std::string_view first_name_key,
                         std::string_view last_name_key, std::string_view date_of_birth) const {
    // The unit separator cannot occur in a name or date the checks let through.
    std::string text = std::to_string(provider);
    for (std::string_view part : {first_name_key, last_name_key, date_of_birth}) {
      text += '\x1f';
      text += part;
    }
    PersonPrint print;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    crypto_shorthash(reinterpret_cast<unsigned char*>(&print.a), bytes, text.size(), key_a_.data());
    crypto_shorthash(reinterpret_cast<unsigned char*>(&print.b), bytes, text.size(), key_b_.data());
    return print;
  }
  PersonPrint operator()(const NewLearner& l) const {
    return (*this)(l.provider_id, domain::ascii_lower(l[NewLearner::first_name]),
                   domain::ascii_lower(l[NewLearner::last_name]), l[NewLearner::date_of_birth]);
  }

 private:
  std::array<unsigned char, crypto_shorthash_KEYBYTES> key_a_{}, key_b_{};
};

// Everything one row's check reads, shared read-only by the threads that check rows.
struct RowChecker {
  std::vector<const ImportColumn*> columns;  // per file column: the template column, or null
  std::vector<std::string_view> list_of;     // per file column: its choice list's name, or ""
  std::vector<std::optional<std::string> LearnerInput::*> field_at;  // per file column
  std::map<std::string, std::string, std::less<>> headings;  // field key -> the file's heading
  std::unordered_map<std::string, ProviderChoice> providers;
  ChoiceLists choices;
  ReferenceCodes codes;
  std::string today;

  std::string heading(std::string_view key) const {
    const auto it = headings.find(key);
    return it == headings.end() ? std::string(key) : it->second;
  }

  // Checks `row`: true with `learner` filled when it may be created, false with its problems
  // (field rules, UKPRN) appended to `errors`. Duplicates are not this row's business alone.
  bool check(const formats::Row& row, NewLearner& learner, std::vector<ImportError>& errors) const {
    const std::size_t errors_before = errors.size();
    const auto add = [&](std::string_view key, std::string value, std::string message) {
      errors.push_back({row.number, heading(key), std::move(value), std::move(message)});
    };
    LearnerInput in;
    std::string ukprn;
    std::vector<const std::string*> raw(columns.size(), nullptr);  // cell text as given
    for (std::size_t i = 0; i < columns.size() && i < row.cells.size(); ++i) {
      if (!columns[i]) continue;
      const auto& cell = row.cells[i];
      if (cell.is_formula) {
        add(columns[i]->key, cell.text,
            "Formulas are not accepted: type the value itself (copy the cells and paste them as "
            "values).");
        continue;
      }
      raw[i] = &cell.text;
      if (columns[i]->key == "ukprn") {
        ukprn = domain::trim(cell.text);
        continue;
      }
      if (!field_at[i]) continue;
      auto& field = in.*field_at[i];
      field = cell.text;
      if (!list_of[i].empty()) {
        const auto& list = choices.find(list_of[i])->second;
        const auto code = list.find(domain::ascii_lower(domain::trim(cell.text)));
        if (code != list.end()) field = code->second;
      }
    }
    const auto raw_of = [&](std::string_view key) -> std::string {
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] && columns[i]->key == key && raw[i]) return *raw[i];
      return "";
    };
    // Not from the file: placeholders that satisfy the form's rules for what the import makes up.
    in.username = "placeholder";
    in.password = "generated";
    const ProviderChoice* provider = nullptr;
    if (ukprn.empty()) {
      add("ukprn", "", "This field is required.");
    } else if (auto it = providers.find(ukprn); it == providers.end() || !it->second.allowed) {
      add("ukprn", ukprn, "No provider you may add learners to has this UKPRN.");
    } else {
      provider = &it->second;
    }
    in.provider_id = provider ? provider->id : 0;
    std::vector<domain::FieldError> field_errors;
    check_learner_fields(in, true, today, field_errors);
    check_learner_codes(codes, in, true, field_errors);
    for (const auto& e : field_errors) {
      if (e.field == "username" || e.field == "password" || e.field == "provider_id") continue;
      add(e.field, raw_of(e.field), e.message);
    }
    if (errors.size() != errors_before) return false;
    const auto text = [](const std::optional<std::string>& v) {
      return v ? std::string_view(*v) : std::string_view();
    };
    learner = NewLearner(
        provider->id, new_learner_flags(provider->learners_add_qualifications),
        {text(in.first_name), text(in.last_name), text(in.date_of_birth), text(in.year_group),
         text(in.email), text(in.house), text(in.street), text(in.locality), text(in.town),
         text(in.postcode), text(in.telephone), text(in.uln), text(in.upn), text(in.ccis),
         text(in.gender), text(in.ethnicity)});
    return true;
  }
};

// The rows' own checks, on every core: each thread takes the next chunk of rows, writes its
// learners in place and keeps its errors (in row order within the thread). `keep_going` is asked
// between the calling thread's chunks; when it says no the others stop too.
struct CheckedRows {
  std::vector<unsigned char> valid;  // per row
  std::vector<ImportError> errors;   // all threads', merged back into row order
  bool stopped = false;
};

CheckedRows check_rows_in_parallel(const RowChecker& checker, std::vector<formats::Row>& rows,
                                   std::vector<NewLearner>& learners,
                                   const std::function<bool()>& keep_going) {
  constexpr std::size_t kChunk = 256;
  const std::size_t n = rows.size();
  CheckedRows out;
  out.valid.assign(n, 0);
  learners.resize(n);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  const unsigned helpers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u) - 1;
  std::vector<std::vector<ImportError>> errors(helpers + 1);
  std::vector<std::exception_ptr> failures(helpers + 1);
  // Checks chunks until none is left; returns after each chunk when `one_chunk`.
  const auto work = [&](std::size_t worker, bool one_chunk) {
    while (!stop) {
      const std::size_t begin = next.fetch_add(kChunk);
      if (begin >= n) return false;
      const std::size_t end = std::min(n, begin + kChunk);
      for (std::size_t i = begin; i < end; ++i) {
        out.valid[i] = checker.check(rows[i], learners[i], errors[worker]);
        std::vector<formats::Cell>().swap(rows[i].cells);  // checked: free it now
      }
      if (one_chunk) return true;
    }
    return false;
  };
  std::vector<std::thread> threads;
  for (unsigned h = 1; h <= helpers; ++h)
    threads.emplace_back([&, h] {
      try {
        work(h, false);
      } catch (...) {
        failures[h] = std::current_exception();
        stop = true;
      }
    });
  try {
    while (work(0, true))
      if (!keep_going()) out.stopped = stop = true;
  } catch (...) {
    failures[0] = std::current_exception();
    stop = true;
  }
  for (auto& t : threads) t.join();
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  for (auto& list : errors)
    out.errors.insert(out.errors.end(), std::make_move_iterator(list.begin()),
                      std::make_move_iterator(list.end()));
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  return out;
}

}  // namespace

// What a checker holds: the rows' checker, and the learners seen so far for the duplicate
// checks within the file.
struct LearnerImportChecker::State {
  RowChecker checker;
  // The file's ULNs (ten digits once checked, so held as numbers) -> the first row with each.
  std::unordered_map<std::uint64_t, std::size_t> uln_rows;
  PersonPrinter print;
  std::unordered_map<PersonPrint, std::size_t, PersonPrintHash> people;  // -> first row
  // The look-ups' (check_existing): "provider:last name" pairs looked up, and the people already
  // there with them.
  std::unordered_set<std::string> people_read;
  std::unordered_set<PersonPrint, PersonPrintHash> existing_people;
};

LearnerImportChecker::LearnerImportChecker(std::unique_ptr<State> state)
    : state_(std::move(state)) {}
LearnerImportChecker::LearnerImportChecker(LearnerImportChecker&&) noexcept = default;
LearnerImportChecker::~LearnerImportChecker() = default;

LearnerImportChecker LearnerImportChecker::load(soci::session& sql, const Context& ctx,
                                                std::string today) {
  auto state = std::make_unique<State>();
  state->checker.providers = providers_by_ukprn(sql, ctx);
  state->checker.choices = choice_lists(sql);
  state->checker.codes = ReferenceCodes::load(sql);
  state->checker.today = std::move(today);
  return LearnerImportChecker(std::move(state));
}

bool LearnerImportChecker::accept_header(const formats::Table& head,
                                         std::vector<ImportError>& errors) {
  RowChecker& checker = state_->checker;
  const std::size_t errors_before = errors.size();
  checker.columns = map_header(head, errors);
  for (std::size_t i = 0; i < checker.columns.size(); ++i) {
    const ImportColumn* column = checker.columns[i];
    checker.list_of.push_back(column ? column->list : std::string_view());
    checker.field_at.push_back(nullptr);
    if (!column) continue;
    checker.headings[std::string(column->key)] = domain::trim(head.header[i]);
    if (const auto field = fields_by_key().find(column->key); field != fields_by_key().end())
      checker.field_at.back() = field->second;
  }
  return errors.size() == errors_before;
}

void LearnerImportChecker::check(std::vector<formats::Row>& rows, std::vector<ImportError>& errors,
                                 CheckedLearners& out, const std::function<bool()>& keep_going) {
  const RowChecker& checker = state_->checker;
  std::vector<NewLearner> learners;
  auto checked = check_rows_in_parallel(checker, rows, learners, keep_going);
  if (checked.stopped) return;
  // In row order: each row's own errors, then duplicates within the file for the rows without
  // any.
  std::size_t next_error = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t row = rows[i].number;
    for (; next_error < checked.errors.size() && checked.errors[next_error].row == row;
         ++next_error)
      errors.push_back(std::move(checked.errors[next_error]));
    if (!checked.valid[i]) continue;
    auto& l = learners[i];
    bool duplicate = false;
    const std::string uln(l[NewLearner::uln]);
    if (!uln.empty()) {
      auto [it, fresh] = state_->uln_rows.emplace(std::stoull(uln), row);
      if (!fresh) {
        errors.push_back({row, checker.heading("uln"), uln,
                          "Row " + std::to_string(it->second) + " has the same ULN."});
        duplicate = true;
      }
    }
    auto [at, fresh] = state_->people.emplace(state_->print(l), row);
    if (!fresh) {
      errors.push_back(
          {row, checker.heading("last_name"), std::string(l[NewLearner::last_name]),
           "Row " + std::to_string(at->second) +
               " has a learner with the same name and date of birth at this provider."});
      duplicate = true;
    }
    if (duplicate) continue;
    out.learners.push_back(std::move(l));
    out.rows.push_back(row);
  }
}

void LearnerImportChecker::check_existing(soci::session& sql, Id tenant,
                                          const CheckedLearners& batch,
                                          std::vector<ImportError>& errors) {
  const RowChecker& checker = state_->checker;
  // The people already there are read once per provider and last name of the file, and only at
  // the file's providers: a big tenant shares its common surnames with any file, but a
  // duplicate is one at the same provider.
  std::vector<std::string> ulns, last_names;
  std::set<Id> providers;
  std::unordered_set<std::string> names_seen;
  for (const auto& l : batch.learners) {
    if (!l[NewLearner::uln].empty()) ulns.emplace_back(l[NewLearner::uln]);
    std::string last = domain::ascii_lower(l[NewLearner::last_name]);
    if (!state_->people_read.insert(std::to_string(l.provider_id) + ':' + last).second) continue;
    providers.insert(l.provider_id);
    if (names_seen.insert(last).second) last_names.push_back(std::move(last));
  }
  const auto taken_ulns = store::learner_import::existing_ulns(sql, tenant, ulns);
  auto& existing = state_->existing_people;
  const PersonPrinter& print = state_->print;
  store::learner_import::existing_people(
      sql, tenant, {providers.begin(), providers.end()}, last_names,
      [&](Id provider, std::string_view first, std::string_view last, std::string_view dob) {
        existing.insert(print(provider, first, last, dob));
      });
  for (std::size_t i = 0; i < batch.learners.size(); ++i) {
    const auto& l = batch.learners[i];
    const std::string uln(l[NewLearner::uln]);
    if (!uln.empty() && taken_ulns.count(uln))
      errors.push_back(
          {batch.rows[i], checker.heading("uln"), uln, "A learner with this ULN already exists."});
    if (existing.count(print(l)))
      errors.push_back(
          {batch.rows[i], checker.heading("last_name"), std::string(l[NewLearner::last_name]),
           "A learner with this name and date of birth already exists at this provider."});
  }
}

void assign_usernames(soci::session& sql, Id tenant, std::vector<NewLearner>& learners,
                      UsernamesGiven* given) {
  struct Pending {
    std::size_t index;
    std::string base;
    unsigned long n = 1;
  };
  UsernamesGiven local;
  UsernamesGiven& state = given ? *given : local;
  std::vector<Pending> pending;
  pending.reserve(learners.size());
  for (std::size_t i = 0; i < learners.size(); ++i) {
    std::string base = domain::username_base(learners[i][NewLearner::first_name],
                                             learners[i][NewLearner::last_name]);
    const unsigned long first = state.next.try_emplace(base, 1).first->second;
    pending.push_back({i, std::move(base), first});
  }
  const auto hash_of = [](const std::string& key) { return std::hash<std::string>{}(key); };
  std::mt19937_64 rng(std::random_device{}());
  for (int round = 0; !pending.empty(); ++round) {
    // Each round proposes one candidate per learner still without a name: the next number of
    // its base, distinct within the round; after a few rounds a random number, so a base that
    // thousands already use does not take thousands of rounds.
    std::unordered_map<std::string, unsigned long> next;  // base -> next number to propose
    std::vector<std::string> proposed(pending.size());
    std::vector<std::string> keys;
    for (std::size_t p = 0; p < pending.size(); ++p) {
      auto& item = pending[p];
      if (round >= 3) item.n = 10 + rng() % (round < 6 ? 9990 : 999990);
      auto& n = next.try_emplace(item.base, item.n).first->second;
      n = std::max(n, item.n);
      std::string candidate;
      do candidate = domain::username_candidate(item.base, n++);
      while (state.hashes.count(hash_of(domain::ascii_lower(candidate))));
      item.n = n;
      proposed[p] = candidate;
      keys.push_back(domain::ascii_lower(candidate));
    }
    const auto taken = store::learner_import::taken_usernames(sql, tenant, keys);
    std::vector<Pending> still;
    for (std::size_t p = 0; p < pending.size(); ++p) {
      if (taken.count(keys[p]) || !state.hashes.insert(hash_of(keys[p])).second) {
        still.push_back(pending[p]);
        continue;
      }
      learners[pending[p].index].username = proposed[p];
      auto& next_number = state.next[pending[p].base];
      next_number = std::max(next_number, pending[p].n);  // already past the number given
    }
    pending = std::move(still);
  }
}

}  // namespace lt::services
