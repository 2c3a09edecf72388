#include "engine/algo/louvain_level.hpp"

#include <algorithm>

namespace newsgraph::algo {

namespace {

// A move must gain more than this (in units of edge weight) to count: it stops rounding noise from
// moving nodes back and forth forever.
constexpr double kMinGain = 1e-12;
// Local moving stops after this many sweeps over the nodes even if some still move.
constexpr uint32_t kMaxSweeps = 100;

} // namespace

LocalMoves moveNodes(const LouvainGraph& graph, const AlgoConfig& config) {
    const uint32_t n = graph.nodeCount();
    std::vector<double> strength(n, 0.0);  // k_i, self weight included
    double total = 0.0;                    // 2m: the sum of all strengths
    for (uint32_t node = 0; node < n; ++node) {
        strength[node] = graph.selfWeight[node];
        for (uint32_t edge = graph.offsets[node]; edge < graph.offsets[node + 1U]; ++edge) {
            strength[node] += graph.weights[edge];
        }
        total += strength[node];
    }
    LocalMoves result;
    result.community.resize(n);
    std::vector<double> communityStrength(strength);  // tot_c: sum of strengths in c
    for (uint32_t node = 0; node < n; ++node) {
        result.community[node] = node;
    }
    if (total > 0.0) {
        std::vector<double> linkWeight(n, 0.0);  // k_i,in(c) for the communities around the node
        std::vector<uint32_t> around;
        std::vector<uint32_t> seenBy(n, kNoComponent);  // the node whose neighborhood last listed c
        bool improved = true;
        for (uint32_t sweep = 0; sweep < kMaxSweeps && improved; ++sweep) {
            checkCancelled(config);
            improved = false;
            for (uint32_t node = 0; node < n; ++node) {
                const uint32_t current = result.community[node];
                around.clear();
                around.push_back(current);
                seenBy[current] = node;
                for (uint32_t edge = graph.offsets[node]; edge < graph.offsets[node + 1U]; ++edge) {
                    const uint32_t c = result.community[graph.targets[edge]];
                    if (seenBy[c] != node) {
                        seenBy[c] = node;
                        around.push_back(c);
                    }
                    linkWeight[c] += graph.weights[edge];
                }
                communityStrength[current] -= strength[node];
                // Gain of joining c, up to a factor common to all c: k_i,in(c) - tot_c k_i / 2m.
                const auto gain = [&](uint32_t c) { return linkWeight[c] - communityStrength[c] * strength[node] / total; };
                uint32_t best = current;
                double bestGain = gain(current);
                for (uint32_t c : around) {
                    const double g = gain(c);
                    const bool tie = g >= bestGain - kMinGain && g <= bestGain + kMinGain;
                    if (g > bestGain + kMinGain || (tie && best != current && c < best)) {
                        best = c;
                        bestGain = g;
                    }
                }
                communityStrength[best] += strength[node];
                for (uint32_t c : around) {
                    linkWeight[c] = 0.0;
                }
                if (best != current) {
                    result.community[node] = best;
                    improved = true;
                    result.moved = true;
                }
            }
        }
    }
    // Dense ids in order of first node.
    std::vector<uint32_t> dense(n, kNoComponent);
    for (uint32_t& c : result.community) {
        if (dense[c] == kNoComponent) {
            dense[c] = result.communityCount++;
        }
        c = dense[c];
    }
    return result;
}

LouvainGraph aggregate(const LouvainGraph& graph, const LocalMoves& moves) {
    const uint32_t k = moves.communityCount;
    std::vector<std::vector<uint32_t>> members(k);
    for (uint32_t node = 0; node < graph.nodeCount(); ++node) {
        members[moves.community[node]].push_back(node);
    }
    LouvainGraph out;
    out.selfWeight.assign(k, 0.0);
    out.offsets.assign(static_cast<size_t>(k) + 1U, 0);
    std::vector<double> sum(k, 0.0);
    std::vector<uint32_t> seenBy(k, kNoComponent);  // the community whose row last saw `other`
    std::vector<uint32_t> touched;
    for (uint32_t c = 0; c < k; ++c) {
        out.offsets[c] = static_cast<uint32_t>(out.targets.size());
        touched.clear();
        for (uint32_t node : members[c]) {
            out.selfWeight[c] += graph.selfWeight[node];
            for (uint32_t edge = graph.offsets[node]; edge < graph.offsets[node + 1U]; ++edge) {
                const uint32_t other = moves.community[graph.targets[edge]];
                if (other == c) {
                    out.selfWeight[c] += graph.weights[edge];  // seen from both ends: 2w in all
                    continue;
                }
                if (seenBy[other] != c) {
                    seenBy[other] = c;
                    touched.push_back(other);
                }
                sum[other] += graph.weights[edge];
            }
        }
        std::sort(touched.begin(), touched.end());
        for (uint32_t other : touched) {
            out.targets.push_back(other);
            out.weights.push_back(sum[other]);
            sum[other] = 0.0;
        }
    }
    out.offsets[k] = static_cast<uint32_t>(out.targets.size());
    return out;
}

} // namespace newsgraph::algo
