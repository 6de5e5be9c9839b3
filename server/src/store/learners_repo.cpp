// SQL for learners.
#include "store/learners_repo.hpp"

#include <algorithm>

#include "domain/text.hpp"
#include "store/dialect.hpp"
#include "store/learner_counts_repo.hpp"
#include "store/query.hpp"
#include "store/raw_select.hpp"
#include "store/soci_optional.hpp"
#include "store/statement_cache.hpp"

namespace lt::store::learners {

namespace {

// A search range holding at least this many learners is read by walking the index of the list's
// order (see list()). Walking costs about 50 x learners / range look-ups, sorting the range one per
// learner in it: they meet near 7,000 for 1,000,000 learners; a lower mark suits smaller tenants.
constexpr long long kWalkFrom = 5000;

// The columns a list item in summary needs (ListFilter::summary), then the rest of the record;
// fill_learner() reads them by these places.
const std::string kSummaryColumns =
    "SELECT l.id, l.tenant_id, l.user_id, l.provider_id, p.name, u.username, u.first_name, "
    "u.last_name, u.email, u.last_login_at, u.locked, u.must_change_password, "
    "p.sign_off_profiles, p.learners_add_qualifications, l.version, l.last_name_key, "
    "l.username_key, l.year_group, l.uln, l.profile_sign_off, "
    "l.manager_adds_qualifications, l.key_information_state, l.additional_information_state, "
    "l.qualifications_state, l.reference_state, l.approval";
const std::string kFrom =
    " FROM learners l JOIN users u ON u.id = l.user_id JOIN providers p ON p.id = l.provider_id ";
const std::string kSelectSummary = kSummaryColumns + kFrom;
const std::string kSelect = kSummaryColumns +
                            ", l.date_of_birth, l.house, l.street, l.locality, l.town, "
                            "l.postcode, l.telephone, l.upn, l.ccis, l.gender, l.ethnicity, "
                            "l.created_at, l.updated_at" +
                            kFrom;

// What select_bound() read, beside the learners it handed over.
struct Fetched {
  std::size_t count = 0;
  // The keys of the last learner of a full page: all a next cursor needs.
  std::string last_name_key, username_key;
  Id last_id = 0;
};

// Sets `into` to a nullable text column, reusing its buffer.
void assign(std::optional<std::string>& into, const RawRow& row, int column) {
  if (row.is_null(column))
    into.reset();
  else if (into)
    into->assign(row.text(column));
  else
    into.emplace(row.text(column));
}

// Fills `r` from a row of kSelect or kSelectSummary, by its columns' places. Every column the
// view reads is assigned, so a row refilled for the next learner keeps nothing of the last one
// but its strings' buffers.
void fill_learner(const RawRow& row, bool summary, LearnerRow& r) {
  r.id = row.integer(0);
  r.tenant_id = row.integer(1);
  r.user_id = row.integer(2);
  r.provider_id = row.integer(3);
  r.provider_name = row.text(4);
  r.username = row.text(5);
  r.first_name = row.text(6);
  r.last_name = row.text(7);
  assign(r.email, row, 8);
  assign(r.last_login_at, row, 9);
  r.locked = row.integer(10) != 0;
  r.must_change_password = row.integer(11) != 0;
  r.provider_sign_off = row.integer(12) != 0;
  r.provider_learners_add = row.integer(13) != 0;
  r.version = static_cast<int>(row.integer(14));
  // 15 and 16 are the list's sort keys (select_bound).
  int column = 17;
  for (std::string* text :
       {&r.year_group, &r.uln, &r.profile_sign_off, &r.manager_adds_qualifications,
        &r.key_information_state, &r.additional_information_state, &r.qualifications_state,
        &r.reference_state, &r.approval})
    *text = row.text(column++);
  if (summary) return;
  for (std::string* text :
       {&r.date_of_birth, &r.house, &r.street, &r.locality, &r.town, &r.postcode, &r.telephone,
        &r.upn, &r.ccis, &r.gender, &r.ethnicity, &r.created_at, &r.updated_at})
    *text = row.text(column++);
}

// Hands the first `expected` learners the query gives to `visit`: whole records, or (summary)
// the columns of kSummaryColumns. One row is refilled for each (see LearnerVisitor).
Fetched select_bound(soci::session& sql, const std::string& tail, const Binds& binds,
                     std::size_t expected, bool summary, const LearnerVisitor& visit) {
  Fetched out;
  LearnerRow learner;
  raw_select(sql, (summary ? kSelectSummary : kSelect) + tail, binds, [&](const RawRow& row) {
    if (out.count == expected) return;
    fill_learner(row, summary, learner);
    visit(learner);
    // Only a full page has a next cursor, which is all the keys are for.
    if (++out.count == expected) {
      out.last_name_key = row.text(15);
      out.username_key = row.text(16);
      out.last_id = learner.id;
    }
  });
  return out;
}

// The one learner a query finds, if any.
std::optional<LearnerRow> select_one(soci::session& sql, const std::string& tail,
                                     const Binds& binds) {
  std::optional<LearnerRow> found;
  select_bound(sql, tail, binds, 1, false, [&](const LearnerRow& l) { found = l; });
  return found;
}

// Text values bound in order of their placeholders (:b0, :b1, …); numbers are inlined.
std::string bind(Binds& binds, std::string value) {
  binds.push_back(std::move(value));
  return ":b" + std::to_string(binds.size() - 1);
}

struct CountInto {
  long long total = 0;
  void bind(soci::details::prepare_temp_type& temp) { temp, soci::into(total); }
};

long long count_of(soci::session& sql, const std::string& query, const Binds& binds) {
  return with_cached<CachedQuery<CountInto>>(
      sql, query,
      [&](CachedQuery<CountInto>& q) {
        q.set(binds);
        q.st->execute(true);
        q.st->fetch();  // steps past the one row, ending the read (statement_cache.hpp)
        return q.into.total;
      },
      binds.size());
}

std::string scope_condition(Id tenant, const Scope& scope) {
  std::string where = "WHERE l.tenant_id = " + std::to_string(tenant) + " AND l.deleted_at IS NULL";
  if (scope.provider_ids) {
    where += " AND (l.provider_id IN (" + id_list(*scope.provider_ids) + ")";
    if (!scope.group_ids.empty())
      where += " OR l.id IN (SELECT learner_id FROM learner_group_members WHERE group_id IN (" +
               id_list(scope.group_ids) + "))";
    where += ")";
  }
  return where;
}

// Cursors travel in URLs: "<hex of the last name key>.<id>".
std::string encode_cursor(const std::string& key, Id id) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : key) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out + "." + std::to_string(id);
}

bool decode_cursor(const std::string& cursor, std::string& key, Id& id) {
  const auto dot = cursor.rfind('.');
  if (dot == std::string::npos || dot % 2 != 0) return false;
  auto nibble = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  key.clear();
  for (std::size_t i = 0; i < dot; i += 2) {
    const int hi = nibble(cursor[i]), lo = nibble(cursor[i + 1]);
    if (hi < 0 || lo < 0) return false;
    key += static_cast<char>(hi * 16 + lo);
  }
  id = cursor_after(cursor.substr(dot + 1));
  return id > 0;
}

// An order of the list: the key column (empty: order by id alone) and its direction.
struct Order {
  std::string column;  // "" = id only
  bool descending = false;
};

std::optional<Order> order_of(const std::string& sort) {
  if (sort == "last_name") return Order{"l.last_name_key", false};
  if (sort == "-last_name") return Order{"l.last_name_key", true};
  if (sort == "username") return Order{"l.username_key", false};
  if (sort == "created_at") return Order{"", false};
  if (sort == "-created_at") return Order{"", true};
  return std::nullopt;
}

// The index whose order is the list's `order` (walked either way), on SQLite.
const char* index_in_order(const Order& order) {
  if (order.column == "l.last_name_key") return "learners_by_last_name";
  if (order.column == "l.username_key") return "learners_by_username";
  return "learners_by_created";  // id order: (tenant_id, deleted_at, id)
}

// The key of `order` in the last learner read.
std::string key_for(const Order& order, const Fetched& fetched) {
  if (order.column == "l.last_name_key") return fetched.last_name_key;
  if (order.column == "l.username_key") return fetched.username_key;
  return {};
}

struct Keys {
  std::string first, last, username, email;
};
Keys keys_of(const LearnerRow& l) {
  return {domain::ascii_lower(l.first_name), domain::ascii_lower(l.last_name),
          domain::ascii_lower(l.username), domain::ascii_lower(l.email.value_or(""))};
}

}  // namespace

const std::vector<std::string>& statuses() {
  static const std::vector<std::string> list = {"never_logged_in",         "locked_out",
                                                "incomplete_profile",      "awaiting_approval",
                                                "awaiting_qualifications", "awaiting_reference"};
  return list;
}

int status_flag(const std::string& status) {
  const auto& list = statuses();
  const auto found = std::find(list.begin(), list.end(), status);
  return found == list.end() ? 0 : 1 << (found - list.begin());
}

std::string status_condition(const std::string& status) {
  const int flag = status_flag(status);
  if (flag == 0) return {};
  return "(l.status_flags & " + std::to_string(flag) + ") <> 0";
}

bool valid_sort(const std::string& sort) {
  return order_of(sort).has_value();
}

std::optional<LearnerRow> find(soci::session& sql, Id tenant, Id id) {
  return select_one(sql, "WHERE l.tenant_id = :b0 AND l.id = :b1 AND l.deleted_at IS NULL",
                    {std::to_string(tenant), std::to_string(id)});
}

std::optional<LearnerRow> find_by_user(soci::session& sql, Id tenant, Id user_id) {
  return select_one(sql, "WHERE l.tenant_id = :b0 AND l.user_id = :b1 AND l.deleted_at IS NULL",
                    {std::to_string(tenant), std::to_string(user_id)});
}

Page<LearnerRow> list(soci::session& sql, Id tenant, const ListFilter& f,
                      const std::map<int, long long>* totals) {
  Page<LearnerRow> page;
  page.items.reserve(static_cast<std::size_t>(std::max(f.limit, 0)));
  static_cast<PageInfo&>(page) = list(
      sql, tenant, f, [&](const LearnerRow& learner) { page.items.push_back(learner); }, totals);
  return page;
}

PageInfo list(soci::session& sql, Id tenant, const ListFilter& f, const LearnerVisitor& visit,
              const std::map<int, long long>* totals) {
  std::string where = scope_condition(tenant, f.scope);
  if (f.provider_id) where += " AND l.provider_id = " + std::to_string(*f.provider_id);
  if (f.group_id)
    where += " AND l.id IN (SELECT learner_id FROM learner_group_members WHERE group_id = " +
             std::to_string(*f.group_id) + ")";
  // Inlined like the ids above (list() binds only the search text): the service lets through only
  // codes of the year-groups list; should a quote ever reach here, the filter matches nothing.
  if (f.year_group)
    where += f.year_group->find('\'') == std::string::npos
                 ? " AND l.year_group = '" + *f.year_group + "'"
                 : std::string(" AND 1 = 0");
  if (f.status) where += " AND " + status_condition(*f.status);
  // Search: one index range per key column (a prefix match, like LIKE 'q%'), its values bound
  // afresh in each statement that uses it.
  static const char* const kKeyColumns[] = {"l.last_name_key", "l.first_name_key", "l.username_key",
                                            "l.email_key", "l.uln"};
  const auto end = f.q ? prefix_end(*f.q) : std::nullopt;
  auto term = [&](const char* column, Binds& into) {
    std::string range = std::string("(") + column + " >= " + bind(into, *f.q);
    if (end) range += std::string(" AND ") + column + " < " + bind(into, *end);
    return range + ")";
  };
  std::string after_key;
  Id after_id = 0;
  if (f.cursor && !decode_cursor(*f.cursor, after_key, after_id)) after_id = 0;
  const Order order = order_of(f.sort).value_or(Order{"l.last_name_key", false});
  const char* cmp = order.descending ? "<" : ">";
  const char* dir = order.descending ? " DESC" : "";
  const std::string order_by = " ORDER BY " +
                               (order.column.empty() ? std::string() : order.column + dir + ", ") +
                               "l.id" + dir + " LIMIT " + std::to_string(f.limit);
  // The keyset condition after the cursor, with its key bound afresh wherever it is used.
  auto after = [&](Binds& into) -> std::string {
    if (after_id == 0) return {};
    const std::string id = std::to_string(after_id);
    if (order.column.empty()) return std::string(" AND l.id ") + cmp + " " + id;
    // A row value: SQLite seeks the order's index to the key and steps over the learners with
    // that key up to the id. (The equivalent "key > k OR (key = k AND id > i)" made it walk the
    // index from its start: a page 900,000 learners deep took 107 ms, and an export of every
    // learner, page after page, grew with the square of their number.)
    return " AND (" + order.column + ", l.id) " + cmp + " (" + bind(into, after_key) + ", " + id +
           ")";
  };
  // A page after the cursor of an unsearched list, as two seeks: the rest of the learners with the
  // cursor's key, then those after it. The row value above steps over every learner with that
  // key before the cursor: 41,000 share a last name among the demo's 1,000,000, and real lists
  // have their Smiths.
  auto after_in_two_seeks = [&]() {
    Binds same_binds, later_binds;
    const std::string same_key = " AND " + order.column + " = " + bind(same_binds, after_key) +
                                 " AND l.id " + cmp + " " + std::to_string(after_id);
    Fetched same =
        select_bound(sql, where + same_key + order_by, same_binds, f.limit, f.summary, visit);
    const std::size_t left = static_cast<std::size_t>(f.limit) - same.count;
    if (left == 0) return same;
    const std::string later_key =
        " AND " + order.column + " " + cmp + " " + bind(later_binds, after_key);
    Fetched later =
        select_bound(sql, where + later_key + order_by, later_binds, left, f.summary, visit);
    later.count += same.count;
    return later;
  };

  PageInfo page;
  Fetched fetched;
  if (!f.q) {
    // The page walks the order's index; the total comes from the status counters unless a group
    // or year-group filter narrows it (the counters know neither).
    if (after_id != 0 && !order.column.empty()) {
      fetched = after_in_two_seeks();
    } else {
      Binds binds;
      fetched =
          select_bound(sql, where + after(binds) + order_by, binds, f.limit, f.summary, visit);
    }
    if (!f.count_total) {
      page.total = 0;
    } else if (f.group_id || f.year_group) {
      // Counted up to the cap, like a search: a year group is a ninth of all learners, and
      // counting 111,000 of 1,000,000 row by row took 0.6 s.
      const long long counted =
          count_of(sql,
                   "SELECT COUNT(*) FROM (SELECT 1 FROM learners l " + where + " LIMIT " +
                       std::to_string(kSearchTotalCap + 1) + ") c",
                   {});
      page.total = std::min(counted, kSearchTotalCap);
      page.total_capped = counted > kSearchTotalCap;
    } else
      page.total = learner_counts::with_flags(
          totals ? *totals : learner_counts::in_scope(sql, tenant, f.scope, f.provider_id),
          f.status ? status_flag(*f.status) : 0);
  } else {
    // A search is the union of one index range per key column. Each range gives its own first
    // page in the list's order, and the page is the first of their union.
    const std::size_t ranges = std::size(kKeyColumns);
    // The total: the distinct learners of all the ranges, counted only up to the cap (a short
    // term can match a fifth of all learners). SQLite streams the ranges' ids from their indexes
    // through DISTINCT and stops at the cap: 0.2-2.5 ms for any term. PostgreSQL would hash the
    // ranges whole (100 ms for a common surname), so there each range counts, up to the cap, its
    // learners not in an earlier range: a surname from its index alone, 1-4 ms.
    long long total = 0;
    if (f.count_total && !is_postgres(sql)) {
      Binds count_binds;
      std::string ids;
      for (std::size_t i = 0; i < ranges; ++i)
        ids += std::string(i ? " UNION ALL " : "") + "SELECT l.id FROM learners l " + where +
               " AND " + term(kKeyColumns[i], count_binds);
      total = count_of(sql,
                       "SELECT COUNT(*) FROM (SELECT DISTINCT id FROM (" + ids + ") r LIMIT " +
                           std::to_string(kSearchTotalCap + 1) + ") c",
                       count_binds);
    } else if (f.count_total) {
      for (std::size_t i = 0; i < ranges && total <= kSearchTotalCap; ++i) {
        Binds count_binds;
        std::string only_here = term(kKeyColumns[i], count_binds);
        for (std::size_t j = 0; j < i; ++j)
          only_here += " AND NOT " + term(kKeyColumns[j], count_binds);
        total += count_of(sql,
                          "SELECT COUNT(*) FROM (SELECT 1 FROM learners l " + where + " AND " +
                              only_here + " LIMIT " + std::to_string(kSearchTotalCap + 1) + ") c",
                          count_binds);
      }
    }
    // Most searches match in the first range alone (the start of a surname), and reading that
    // range's page straight, in its own index's order, costs a fifth less than the union's
    // gathering of ids and second look-up of each row. One statement asks whether any other range
    // has a learner after the cursor (an index probe each); only then is the union read.
    bool first_range_alone = false;
    if (order.column == kKeyColumns[0]) {
      Binds probe_binds;
      std::string probe = "SELECT ";
      for (std::size_t i = 1; i < ranges; ++i) {
        const std::string range = term(kKeyColumns[i], probe_binds);
        probe += std::string(i > 1 ? " OR " : "") + "EXISTS (SELECT 1 FROM learners l " + where +
                 " AND " + range + after(probe_binds) + ")";
      }
      first_range_alone = count_of(sql, probe, probe_binds) == 0;
    }
    if (first_range_alone) {
      Binds binds;
      const std::string range = term(kKeyColumns[0], binds);
      fetched = select_bound(sql, where + " AND " + range + after(binds) + order_by, binds, f.limit,
                             f.summary, visit);
    } else {
      // A range of many learners (a common first name: 41,000 of the demo's 1,000,000) is
      // sorted into the list's order only by looking up each of them, 120-170 ms; walking the
      // order's own index instead and checking each learner's key stops at a page of them,
      // 2.5 ms. A small range is the other way round (1,700 learners: 7 ms sorted, 1.5 s
      // walked), so SQLite walks the ranges it counts to kWalkFrom; PostgreSQL's planner weighs
      // this itself.
      const char* walk_index = is_postgres(sql) ? nullptr : index_in_order(order);
      std::vector<long long> sizes(ranges, 0);
      if (walk_index) {
        Binds size_binds;
        std::string query;
        // The order's own column is read in order anyway: no need to count its range.
        for (std::size_t i = 0; i < ranges; ++i)
          query += std::string(i ? ", " : "SELECT ") +
                   (order.column == kKeyColumns[i]
                        ? std::string("0")
                        : "(SELECT COUNT(*) FROM (SELECT 1 FROM learners l " + where + " AND " +
                              term(kKeyColumns[i], size_binds) + " LIMIT " +
                              std::to_string(kWalkFrom) + ") s)");
        raw_select(sql, query, size_binds, [&](const RawRow& row) {
          for (std::size_t i = 0; i < ranges; ++i) sizes[i] = row.integer(static_cast<int>(i));
        });
      }
      // The big ranges share one walk, which checks each learner it passes against all their
      // keys: the walk reads a learner's row to check it, and three walks for a first name
      // (which the demo's usernames and emails also start with) read 3,600 rows scattered over
      // the table where one reads 1,200. Placeholders are numbered in binding order, so each
      // part is made in text order.
      Binds page_binds;
      std::vector<std::string> parts;
      std::string walked;
      for (std::size_t i = 0; i < ranges; ++i)
        if (sizes[i] >= kWalkFrom)
          walked += (walked.empty() ? "" : " OR ") + term(kKeyColumns[i], page_binds);
      if (!walked.empty())
        parts.push_back(std::string("learners l INDEXED BY ") + walk_index + " " + where +
                        " AND (" + walked + ")" + after(page_binds));
      for (std::size_t i = 0; i < ranges; ++i)
        if (sizes[i] < kWalkFrom) {
          const std::string range = term(kKeyColumns[i], page_binds);
          parts.push_back("learners l " + where + " AND " + range + after(page_binds));
        }
      std::string branches;
      for (std::size_t i = 0; i < parts.size(); ++i)
        branches += std::string(i ? " UNION ALL " : "") + "SELECT id FROM (SELECT l.id FROM " +
                    parts[i] + order_by + ") b" + std::to_string(i);
      fetched = select_bound(sql, "WHERE l.id IN (" + branches + ")" + order_by, page_binds,
                             f.limit, f.summary, visit);
    }
    page.total = std::min(total, kSearchTotalCap);
    page.total_capped = total > kSearchTotalCap;
  }
  if (static_cast<int>(fetched.count) == f.limit)
    page.next_cursor = encode_cursor(key_for(order, fetched), fetched.last_id);
  return page;
}

Id insert(soci::session& sql, const LearnerRow& l) {
  const Keys k = keys_of(l);
  return insert_returning_id(
      sql,
      "INSERT INTO learners (tenant_id, user_id, provider_id, date_of_birth, year_group, "
      "profile_sign_off, manager_adds_qualifications, house, street, locality, town, postcode, "
      "telephone, uln, upn, ccis, gender, ethnicity, approval, first_name_key, last_name_key, "
      "username_key, email_key, created_at, updated_at, version) VALUES (:t, :u, :p, :dob, :yg, "
      ":so, :maq, :h, :s, :lo, :tw, :pc, :tel, :uln, :upn, :ccis, :g, :e, :ap, :fk, :lk, :uk, "
      ":ek, :c, :c2, 1)",
      soci::use(l.tenant_id), soci::use(l.user_id), soci::use(l.provider_id),
      soci::use(l.date_of_birth), soci::use(l.year_group), soci::use(l.profile_sign_off),
      soci::use(l.manager_adds_qualifications), soci::use(l.house), soci::use(l.street),
      soci::use(l.locality), soci::use(l.town), soci::use(l.postcode), soci::use(l.telephone),
      soci::use(l.uln), soci::use(l.upn), soci::use(l.ccis), soci::use(l.gender),
      soci::use(l.ethnicity), soci::use(l.approval), soci::use(k.first), soci::use(k.last),
      soci::use(k.username), soci::use(k.email), soci::use(l.created_at), soci::use(l.created_at));
}

bool update(soci::session& sql, const LearnerRow& l, const std::string& now) {
  const Keys k = keys_of(l);
  return execute_counting(
             sql,
             "UPDATE learners SET provider_id = :p, date_of_birth = :dob, year_group = :yg, "
             "profile_sign_off = :so, manager_adds_qualifications = :maq, house = :h, street = :s, "
             "locality = :lo, town = :tw, postcode = :pc, telephone = :tel, uln = :uln, upn = "
             ":upn, "
             "ccis = :ccis, gender = :g, ethnicity = :e, approval = :ap, key_information_state = "
             ":s1, "
             "additional_information_state = :s2, qualifications_state = :s3, "
             "reference_state = :s4, first_name_key = :fk, "
             "last_name_key = :lk, username_key = :uk, email_key = :ek, updated_at = :now, "
             "version = version + 1 WHERE tenant_id = :t AND id = :id AND version = :v AND "
             "deleted_at IS NULL",
             soci::use(l.provider_id), soci::use(l.date_of_birth), soci::use(l.year_group),
             soci::use(l.profile_sign_off), soci::use(l.manager_adds_qualifications),
             soci::use(l.house), soci::use(l.street), soci::use(l.locality), soci::use(l.town),
             soci::use(l.postcode), soci::use(l.telephone), soci::use(l.uln), soci::use(l.upn),
             soci::use(l.ccis), soci::use(l.gender), soci::use(l.ethnicity), soci::use(l.approval),
             soci::use(l.key_information_state), soci::use(l.additional_information_state),
             soci::use(l.qualifications_state), soci::use(l.reference_state), soci::use(k.first),
             soci::use(k.last), soci::use(k.username), soci::use(k.email), soci::use(now),
             soci::use(l.tenant_id), soci::use(l.id), soci::use(l.version)) == 1;
}

void soft_delete(soci::session& sql, Id tenant, Id id, const std::string& now) {
  sql << "UPDATE learners SET deleted_at = :n, version = version + 1 WHERE tenant_id = :t AND "
         "id = :id",
      soci::use(now), soci::use(tenant), soci::use(id);
}

void sync_keys(soci::session& sql, const UserRow& user) {
  const std::string first = domain::ascii_lower(user.first_name),
                    last = domain::ascii_lower(user.last_name),
                    username = domain::ascii_lower(user.username),
                    email = domain::ascii_lower(user.email.value_or(""));
  sql << "UPDATE learners SET first_name_key = :f, last_name_key = :l, username_key = :u, "
         "email_key = :e WHERE user_id = :id",
      soci::use(first), soci::use(last), soci::use(username), soci::use(email), soci::use(user.id);
}

}  // namespace lt::store::learners
