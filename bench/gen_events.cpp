// gen_events: a synthetic news-event graph in the native dataset format, with the skew of real
// event data, deterministic by seed.
//
//   gen_events --events N --out DIR [--actors M] [--seed S] [--zipf-actors X] [--zipf-codes X]
//
// DIR gets manifest.txt, actors.csv and events.csv (the `dataset` format: docs/data-model.md, "Native
// format"). What the graph looks like, and why:
// - Actors: every CAMEO country (`:Actor:Country`, name and code as the loaders make them), its
//   government (`:Actor:Government`, "Government (China)", as ICEWS names it) and M minus those
//   generic actors (`:Actor:Person`, `:Actor:Organization` or plain `:Actor`, "Person 17 (Chad)").
//   Default M = N / 50: 10,000 actors for 500,000 events, the shape of the peers' synthetic graph
//   in shared/DESIGN.md.
// - Events: both endpoints drawn from one Zipf law over actor ranks (exponent 0.8: about the
//   2-hop pair count of ICEWS18 at 500k events), countries and governments holding the top ranks
//   in a shuffled order, as hubs do in news data; no self-loops.
// - Event codes: Zipf (exponent 1.0) over the CAMEO base and leaf codes, the most frequent ones of
//   ICEWS first (statements, consultations, praise, accusations), the rest shuffled. The
//   relationship type is the code's CAMEO verb, named exactly as the GDELT and ICEWS loaders name
//   it (loaders/cameo.hpp), with `code`, `base_code`, `root_code` and `date`, so "accusations with
//   sub-codes" (code STARTS WITH '112') reads the same on this graph as on real data.
// - Dates: uniform over 2015-01-01 .. 2018-12-31.
// The random generator is splitmix64 (not <random>'s distributions, whose output differs between
// standard libraries), so a seed gives the same files everywhere.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "bench/arguments.hpp"
#include "engine/common/date.hpp"
#include "loaders/cameo.hpp"

namespace {

namespace fs = std::filesystem;

constexpr uint64_t kDefaultSeed = 20180101;
constexpr uint64_t kEventsPerActor = 50;
constexpr uint64_t kMinActors = 1000;
constexpr double kDefaultActorExponent = 0.8;
constexpr double kDefaultCodeExponent = 1.0;
constexpr int32_t kFirstYear = 2015;
constexpr int32_t kYears = 4;
constexpr size_t kFlushBytes = 1U << 22;
// Every 3rd generic actor is a person, every 3rd an organization, the rest plain actors.
constexpr uint64_t kGenericKinds = 3;
// The most frequent CAMEO codes of ICEWS, most frequent first; the other codes follow shuffled.
constexpr std::string_view kHeadCodes[] = {"010", "042", "043", "036", "051", "020", "040", "112",
                                           "111", "046", "057", "190", "013", "012", "173", "061"};

struct Options {
    uint64_t events = 0;
    uint64_t actors = 0;
    uint64_t seed = kDefaultSeed;
    double actorExponent = kDefaultActorExponent;
    double codeExponent = kDefaultCodeExponent;
    std::string out;
};

class UsageError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// splitmix64: tiny, fast, and the same sequence on every platform.
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    uint64_t below(uint64_t bound) { return next() % bound; }

    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }

private:
    uint64_t state_;
};

// Draws ranks 0..n-1 with P(k) proportional to 1 / (k + 1)^exponent (inverse CDF, binary search).
class Zipf {
public:
    Zipf(size_t n, double exponent) : cdf_(n) {
        double sum = 0.0;
        for (size_t k = 0; k < n; ++k) {
            sum += 1.0 / std::pow(static_cast<double>(k + 1), exponent);
            cdf_[k] = sum;
        }
        for (double& value : cdf_) {
            value /= sum;
        }
    }
    size_t draw(Random& random) const {
        const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), random.unit());
        return std::min(static_cast<size_t>(it - cdf_.begin()), cdf_.size() - 1);
    }

private:
    std::vector<double> cdf_;
};

struct Actor {
    std::string labels;
    std::string name;
    std::string code;
    std::string country;
};

// RFC 4180: quote a field holding a comma, quote or line break.
std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::vector<Actor> makeActors(uint64_t count, Random& random) {
    std::vector<const newsgraph::CodeName*> countries;
    for (const newsgraph::CodeName& country : newsgraph::cameo_data::countries()) {
        if (!newsgraph::isCameoRegion(country.code)) {
            countries.push_back(&country);
        }
    }
    if (count < 2 * countries.size()) {
        throw UsageError(fmt::format("--actors must be at least {} (every country and its government)",
                                     2 * countries.size()));
    }
    std::vector<Actor> actors;
    actors.reserve(count);
    for (const newsgraph::CodeName* country : countries) {
        actors.push_back({"Actor;Country", country->name, country->code, country->code});
    }
    for (const newsgraph::CodeName* country : countries) {
        actors.push_back({"Actor;Government", fmt::format("Government ({})", country->name),
                          std::string(country->code) + "GOV", country->code});
    }
    // Hubs (countries, governments) take the top ranks in a shuffled order: the actor list is
    // ordered by rank, so shuffle the first block and keep the rest as generated.
    random.shuffle(actors);
    for (uint64_t i = actors.size(); i < count; ++i) {
        const newsgraph::CodeName* country = countries[random.below(countries.size())];
        switch (i % kGenericKinds) {
        case 0: actors.push_back({"Actor;Person", fmt::format("Person {} ({})", i, country->name), "", country->code}); break;
        case 1:
            actors.push_back({"Actor;Organization", fmt::format("Organization {} ({})", i, country->name), "",
                              country->code});
            break;
        default: actors.push_back({"Actor", fmt::format("Actor {} ({})", i, country->name), "", country->code}); break;
        }
    }
    return actors;
}

// CAMEO base and leaf codes in frequency order (see kHeadCodes).
std::vector<const newsgraph::CameoEvent*> rankCodes(Random& random) {
    const auto& cameo = newsgraph::CameoEvents::builtin();
    std::vector<const newsgraph::CameoEvent*> head;
    for (const std::string_view code : kHeadCodes) {
        const newsgraph::CameoEvent* event = cameo.find(code);
        if (event == nullptr) {
            throw std::logic_error(fmt::format("CAMEO code {} missing from the built-in table", code));
        }
        head.push_back(event);
    }
    std::vector<const newsgraph::CameoEvent*> rest;
    for (const newsgraph::CameoEvent& event : cameo.all()) {
        const bool inHead = std::find(head.begin(), head.end(), &event) != head.end();
        if (event.level != newsgraph::CameoLevel::Root && !inHead) {
            rest.push_back(&event);
        }
    }
    random.shuffle(rest);
    head.insert(head.end(), rest.begin(), rest.end());
    return head;
}

class BufferedFile {
public:
    explicit BufferedFile(const fs::path& path) : path_(path), out_(path, std::ios::binary) {
        if (!out_) {
            throw std::runtime_error("cannot create " + path.string());
        }
    }
    std::string& buffer() { return buffer_; }
    void maybeFlush() {
        if (buffer_.size() >= kFlushBytes) {
            flush();
        }
    }
    void close() {
        flush();
        out_.close();
        if (!out_) {
            throw std::runtime_error("cannot write " + path_.string());
        }
    }

private:
    void flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
        if (!out_) {
            throw std::runtime_error("cannot write " + path_.string() + " (disk full?)");
        }
    }
    fs::path path_;
    std::ofstream out_;
    std::string buffer_;
};

void writeActors(const fs::path& path, const std::vector<Actor>& actors) {
    BufferedFile file(path);
    file.buffer() = "id:ID,:LABEL,name,code,country\n";
    for (size_t i = 0; i < actors.size(); ++i) {
        const Actor& actor = actors[i];
        fmt::format_to(std::back_inserter(file.buffer()), "{},{},{},{},{}\n", i, actor.labels, csvField(actor.name),
                       actor.code, actor.country);
        file.maybeFlush();
    }
    file.close();
}

void writeEvents(const fs::path& path, const Options& options, size_t actorCount, Random& random) {
    const std::vector<const newsgraph::CameoEvent*> codes = rankCodes(random);
    const Zipf actorRanks(actorCount, options.actorExponent);
    const Zipf codeRanks(codes.size(), options.codeExponent);
    const int32_t firstDay = newsgraph::Date::fromCivil(kFirstYear, 1, 1)->days();
    const int32_t endDay = newsgraph::Date::fromCivil(kFirstYear + kYears, 1, 1)->days();
    std::vector<std::string> dates;
    for (int32_t day = firstDay; day < endDay; ++day) {
        dates.push_back(newsgraph::Date::fromDays(day).toString());
    }
    // The type, code, base_code and root_code columns of each code, formatted once.
    std::vector<std::string> codeColumns;
    for (const newsgraph::CameoEvent* event : codes) {
        codeColumns.push_back(fmt::format("{},{},{},{}", event->verb, event->code, event->baseCode, event->rootCode));
    }

    BufferedFile file(path);
    file.buffer() = ":START_ID,:END_ID,:TYPE,code,base_code,root_code,date:date\n";
    for (uint64_t i = 0; i < options.events; ++i) {
        const size_t source = actorRanks.draw(random);
        size_t target = actorRanks.draw(random);
        while (target == source) {
            target = actorRanks.draw(random);
        }
        const size_t code = codeRanks.draw(random);
        const size_t day = random.below(dates.size());
        fmt::format_to(std::back_inserter(file.buffer()), "{},{},{},{}\n", source, target, codeColumns[code], dates[day]);
        file.maybeFlush();
    }
    file.close();
}

void writeManifest(const fs::path& path, const Options& options, size_t actorCount) {
    std::ofstream out(path);
    out << "# newsgraph dataset manifest, written by bench/gen_events\n"
        << fmt::format("name synthetic-{}\n", options.events)
        << fmt::format("description synthetic news events: {} actors, {} events, seed {}, Zipf {} (actors) / {} (codes)\n",
                       actorCount, options.events, options.seed, options.actorExponent, options.codeExponent)
        << "nodes actors.csv\n"
        << "relationships events.csv\n";
    if (!out) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

uint64_t parseCount(const std::string& flag, const std::string& text) {
    // Accepts 500000, 500k, 5M, 50M.
    size_t used = 0;
    double value = 0.0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        throw UsageError(flag + " needs a number, got '" + text + "'");
    }
    const std::string suffix = text.substr(used);
    if (suffix == "k" || suffix == "K") {
        value *= 1e3;
    } else if (suffix == "m" || suffix == "M") {
        value *= 1e6;
    } else if (!suffix.empty()) {
        throw UsageError(flag + ": unknown suffix '" + suffix + "' (k or M)");
    }
    if (!(value >= 1.0)) {
        throw UsageError(flag + " must be at least 1");
    }
    return static_cast<uint64_t>(std::llround(value));
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (newsgraph::bench::Arguments<UsageError> args(argc, argv); args.next();) {
        const std::string& arg = args.current();
        const auto value = [&] { return args.value(); };
        if (arg == "--events") {
            options.events = parseCount(arg, value());
        } else if (arg == "--actors") {
            options.actors = parseCount(arg, value());
        } else if (arg == "--seed") {
            options.seed = parseCount(arg, value());
        } else if (arg == "--zipf-actors") {
            options.actorExponent = std::stod(value());
        } else if (arg == "--zipf-codes") {
            options.codeExponent = std::stod(value());
        } else if (arg == "--out") {
            options.out = value();
        } else if (arg == "--help" || arg == "-h") {
            throw UsageError("");
        } else {
            throw UsageError("unknown argument " + arg);
        }
    }
    if (options.events == 0 || options.out.empty()) {
        throw UsageError("--events and --out are required");
    }
    if (options.actors == 0) {
        options.actors = std::max(kMinActors, options.events / kEventsPerActor);
    }
    return options;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parseOptions(argc, argv);
    } catch (const std::exception& error) {
        if (error.what()[0] != '\0') {
            std::cerr << "gen_events: " << error.what() << "\n";
        }
        std::cerr << "usage: gen_events --events N --out DIR [--actors M] [--seed S] [--zipf-actors X] [--zipf-codes X]\n"
                     "       N and M take k and M suffixes: --events 500k, --events 5M\n";
        return 2;
    }
    try {
        fs::create_directories(options.out);
        Random random(options.seed);
        const std::vector<Actor> actors = makeActors(options.actors, random);
        writeActors(fs::path(options.out) / "actors.csv", actors);
        writeEvents(fs::path(options.out) / "events.csv", options, actors.size(), random);
        writeManifest(fs::path(options.out) / "manifest.txt", options, actors.size());
        std::cerr << fmt::format("gen_events: {} actors, {} events in {}\n", actors.size(), options.events, options.out);
    } catch (const UsageError& error) {
        std::cerr << "gen_events: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "gen_events: " << error.what() << "\n";
        return 2;
    }
    return 0;
}
