// The stemmer newsdex uses on both sides: the indexer stems article words
// with it and the query side stems query words with it, so the two must be
// one definition (English Snowball, through Xapian). Cheap to construct; a
// Xapian::Stem is not to be shared between threads.
#pragma once

#include <xapian.h>

namespace newsdex {

Xapian::Stem english_stemmer();

}  // namespace newsdex
