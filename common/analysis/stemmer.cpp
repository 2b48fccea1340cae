#include "common/analysis/stemmer.h"

namespace newsdex {

Xapian::Stem english_stemmer() { return Xapian::Stem("english"); }

}  // namespace newsdex
