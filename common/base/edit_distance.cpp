#include "common/base/edit_distance.h"

namespace newsdex {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    PrefixDistance distance(b, limit);
    return distance.move_to(a) == PrefixDistance::kAlive ? distance.distance() : distance.beyond_limit();
}

}  // namespace newsdex
