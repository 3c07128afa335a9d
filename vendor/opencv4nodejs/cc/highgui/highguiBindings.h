#include "highgui.h"

#ifndef __FF_DNNBINDINGS_H_
#define __FF_DNNBINDINGS_H_

namespace HighguiBindings {
}

#endif
