#include "AbstractConverter.h"
#include "ArrayConverter.h"
#include "ArrayOfArraysConverter.h"
#include "AsyncWorker.h"
#include "Binding.h"
#include "BindingBase.h"
#include "Converters.h"
#include "IWorker.h"
#include "InstanceConverter.h"
#include "ObjectWrap.h"
#include "PrimitiveTypeConverters.h"
#include "TryCatch.h"
#include "utils.h"

#ifndef __FF_NATIVE_NODE_UTILS_H__
#define __FF_NATIVE_NODE_UTILS_H__

#endif
