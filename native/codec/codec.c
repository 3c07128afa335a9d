// facetty's video codec binding: H.264 4:4:4 (libx264) and VP9 4:4:4 (libvpx) through the
// system's libavcodec, BGR in and out (converted here; by libswscale for what facetty never sends);
// and the reader of video files and streams (libavformat) with the area-averaging shrink that
// scales what facetty sends and shows.
// Built at install by scripts/build-codec-binding.mjs (see there for why the system's FFmpeg and
// not a prebuilt one).
//
// Why files are read here and not through OpenCV's VideoCapture: OpenCV's videoio and imgcodecs
// bring GDAL, gdcm, poppler, Qt and the rest of their dependencies into the process, about 90 MB
// resident before a single frame, for what libavformat (which OpenCV itself uses for files) does
// in 9 MB. OpenCV is then loaded only for what needs it (cameras, stills, JPEG, the window).
//
// Every call is synchronous: at the sizes a terminal shows (about 128x96) a frame takes well under
// a millisecond each way, and one encoder or decoder is only ever used from the main thread, so
// the sender gets its packet in the same turn and the receiver its picture in the same turn.
//
// What a peer sends reaches only decode(): the message's own width and height bound the decoder
// (max_pixels, checked by libavcodec before it allocates a picture), a picture of another size is
// an error, and every bitstream error is an error (AV_EF_EXPLODE), never a concealed picture.
#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <math.h>

#include <libavcodec/avcodec.h>
#ifdef FACETTY_AVFORMAT
#include <libavformat/avformat.h>
#endif
#include <libavutil/frame.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#define CHECK_NAPI(env, call)                                                                      \
	do {                                                                                           \
		if ((call) != napi_ok) {                                                                   \
			napi_throw_error((env), NULL, "facetty codec: a Node-API call failed");                \
			return NULL;                                                                           \
		}                                                                                          \
	} while (0)

enum { CODEC_H264 = 1, CODEC_VP9 = 2 };

typedef struct {
	int codec;
	int width, height;
	int fps;
	double crf;
	int max_kbps;
	int keyint;
	char preset[16];
	char params[256];
	int64_t last_pts;
	int reopen;
	AVCodecContext *ctx;
	AVFrame *frame;
	AVPacket *packet;
} Encoder;

typedef struct {
	int codec;
	int64_t max_allocation;
	// Bytes of picture buffers the decoder holds now (references, the picture being decoded): a
	// stream that claims many reference frames at the largest size cannot take more than
	// picture_budget, whatever its headers say.
	int64_t picture_bytes;
	// The most it held: only a decoder that held much is worth giving back memory for when closed.
	int64_t peak_picture_bytes;
	AVCodecContext *ctx;
	AVFrame *frame;
	AVPacket *packet;
	struct SwsContext *sws;
} Decoder;

static napi_value throw_error(napi_env env, const char *message) {
	napi_throw_error(env, NULL, message);
	return NULL;
}

static napi_value throw_av(napi_env env, const char *what, int code) {
	char text[AV_ERROR_MAX_STRING_SIZE] = {0};
	char message[256];
	av_strerror(code, text, sizeof text);
	snprintf(message, sizeof message, "%s: %s", what, text);
	napi_throw_error(env, NULL, message);
	return NULL;
}

static int codec_of(napi_env env, napi_value value) {
	char name[16] = {0};
	size_t length = 0;
	if (napi_get_value_string_utf8(env, value, name, sizeof name, &length) != napi_ok) return 0;
	if (strcmp(name, "h264") == 0) return CODEC_H264;
	if (strcmp(name, "vp9") == 0) return CODEC_VP9;
	return 0;
}

static int int_arg(napi_env env, napi_value value, int *out) {
	int32_t n;
	if (napi_get_value_int32(env, value, &n) != napi_ok) return 0;
	*out = n;
	return 1;
}

static napi_value make_bool(napi_env env, int value) {
	napi_value out;
	napi_get_boolean(env, value != 0, &out);
	return out;
}

// BT.601, full range on both sides: the limited range would throw away a sixth of each plane's
// levels before the codec even starts.
static void full_range(struct SwsContext *sws, int yuv_is_source, int yuv_full) {
	int *inv_table, *table, src_range, dst_range, brightness, contrast, saturation;
	if (sws_getColorspaceDetails(sws, &inv_table, &src_range, &table, &dst_range, &brightness, &contrast,
	                             &saturation) < 0)
		return;
	const int *coefficients = sws_getCoefficients(SWS_CS_ITU601);
	if (yuv_is_source)
		sws_setColorspaceDetails(sws, coefficients, yuv_full, coefficients, 1, brightness, contrast, saturation);
	else
		sws_setColorspaceDetails(sws, coefficients, 1, coefficients, yuv_full, brightness, contrast, saturation);
}

// The loops below need 32-bit multiplies across vectors, which x86-64's baseline (SSE2) lacks: with
// AVX2, where the CPU has it, they vectorise and take a quarter of the time; elsewhere they run as
// compiled for the baseline. (The version is picked when the library loads, through an IFUNC:
// glibc's loader has them, musl's does not and would refuse to load the binding.)
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef VECTOR_CLONES
#define VECTOR_CLONES
#endif

// BT.601 full range both ways between BGR and 4:4:4 at one size, in 16-bit fixed point, rounded:
// within a level of what swscale gave with SWS_POINT | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT (its
// generic scaler, a filter pass per plane even at one size), at 128x96 in 0.017 ms each way
// instead of 0.06-0.10 (AVX2; 0.047 without). The weights of each row add up to 65536 (Y) or 0
// (U, V), so grey stays grey.
VECTOR_CLONES
static void bgr_to_yuv444(const uint8_t *restrict bgr, int width, int height, uint8_t *const planes[3],
                          const int strides[3]) {
	for (int y = 0; y < height; y++) {
		const uint8_t *p = bgr + (size_t)y * width * 3;
		uint8_t *restrict to_y = planes[0] + (size_t)y * strides[0];
		uint8_t *restrict to_u = planes[1] + (size_t)y * strides[1];
		uint8_t *restrict to_v = planes[2] + (size_t)y * strides[2];
		for (int x = 0; x < width; x++, p += 3) {
			int b = p[0], g = p[1], r = p[2];
			// Y never leaves 0..255; U and V round to 256 for pure blue and red, so are clipped.
			to_y[x] = (uint8_t)((19595 * r + 38470 * g + 7471 * b + 32768) >> 16);
			int u = (-11059 * r - 21709 * g + 32768 * b + (128 << 16) + 32768) >> 16;
			int v = (32768 * r - 27439 * g - 5329 * b + (128 << 16) + 32768) >> 16;
			to_u[x] = (uint8_t)(u > 255 ? 255 : u);
			to_v[x] = (uint8_t)(v > 255 ? 255 : v);
		}
	}
}

static uint8_t clip_level(int value) {
	return (uint8_t)(value < 0 ? 0 : value > 255 ? 255 : value);
}

VECTOR_CLONES
static void yuv444_to_bgr(const uint8_t *const planes[3], const int strides[3], int width, int height,
                          uint8_t *restrict bgr) {
	for (int y = 0; y < height; y++) {
		const uint8_t *restrict from_y = planes[0] + (size_t)y * strides[0];
		const uint8_t *restrict from_u = planes[1] + (size_t)y * strides[1];
		const uint8_t *restrict from_v = planes[2] + (size_t)y * strides[2];
		uint8_t *restrict p = bgr + (size_t)y * width * 3;
		for (int x = 0; x < width; x++, p += 3) {
			int luma = (from_y[x] << 16) + 32768, u = from_u[x] - 128, v = from_v[x] - 128;
			p[0] = clip_level((luma + 116130 * u) >> 16);
			p[1] = clip_level((luma - 22554 * u - 46802 * v) >> 16);
			p[2] = clip_level((luma + 91881 * v) >> 16);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Encoder

static void encoder_free_codec(Encoder *e) {
	if (e->ctx) avcodec_free_context(&e->ctx);
	if (e->frame) av_frame_free(&e->frame);
	if (e->packet) av_packet_free(&e->packet);
}

static void encoder_finalize(napi_env env, void *data, void *hint) {
	(void)env;
	(void)hint;
	Encoder *e = data;
	encoder_free_codec(e);
	free(e);
}

// Opens (or reopens) the codec with the encoder's current settings; 0 or an AVERROR.
static int encoder_open_codec(Encoder *e) {
	const char *name = e->codec == CODEC_H264 ? "libx264" : "libvpx-vp9";
	const AVCodec *codec = avcodec_find_encoder_by_name(name);
	if (!codec) return AVERROR_ENCODER_NOT_FOUND;
	AVCodecContext *ctx = avcodec_alloc_context3(codec);
	if (!ctx) return AVERROR(ENOMEM);
	e->ctx = ctx;
	ctx->width = e->width;
	ctx->height = e->height;
	ctx->pix_fmt = AV_PIX_FMT_YUV444P;
	ctx->color_range = AVCOL_RANGE_JPEG;
	ctx->colorspace = AVCOL_SPC_BT470BG;
	// Milliseconds: frames come when the link lets them, and rate control reads the real gaps.
	ctx->time_base = (AVRational){1, 1000};
	ctx->framerate = (AVRational){e->fps, 1};
	ctx->gop_size = e->keyint;
	ctx->max_b_frames = 0;
	// One thread: frame threads would hold frames back, and the frames are small.
	ctx->thread_count = 1;
	ctx->rc_max_rate = (int64_t)e->max_kbps * 1000;
	// A tenth of a second of the cap (three frames): no frame, not even a keyframe, takes the link
	// much longer than a frame interval or two, so a narrow link never holds a queue of video.
	ctx->rc_buffer_size = e->max_kbps * 1000 / 10;
	int err;
	if (e->codec == CODEC_H264) {
		// The caller picks the preset by picture size (native-codec.ts presetFor): faster, not
		// superfast, at terminal sizes, where its motion search and partitions save about a quarter
		// of the bits at the same PSNR for 1-2 ms a frame (bench: codec).
		av_opt_set(ctx->priv_data, "preset", e->preset, 0);
		av_opt_set(ctx->priv_data, "tune", "zerolatency,psnr", 0);
		av_opt_set(ctx->priv_data, "profile", "high444", 0);
		av_opt_set_double(ctx->priv_data, "crf", e->crf, 0);
		av_opt_set_int(ctx->priv_data, "forced-idr", 1, 0);
		if (e->params[0]) av_opt_set(ctx->priv_data, "x264-params", e->params, 0);
		// Each keyframe carries its SPS/PPS in-band (no global header), so anyone may start there.
	} else {
		av_opt_set(ctx->priv_data, "deadline", "realtime", 0);
		av_opt_set_int(ctx->priv_data, "cpu-used", 8, 0);
		av_opt_set_int(ctx->priv_data, "lag-in-frames", 0, 0);
		av_opt_set_int(ctx->priv_data, "row-mt", 0, 0);
		av_opt_set_int(ctx->priv_data, "crf", (int64_t)(e->crf + 0.5), 0);
		// Constrained quality: crf, with the link's rate as the ceiling.
		ctx->bit_rate = ctx->rc_max_rate;
	}
	err = avcodec_open2(ctx, codec, NULL);
	if (err < 0) return err;
	e->frame = av_frame_alloc();
	e->packet = av_packet_alloc();
	if (!e->frame || !e->packet) return AVERROR(ENOMEM);
	e->frame->format = AV_PIX_FMT_YUV444P;
	e->frame->width = e->width;
	e->frame->height = e->height;
	e->frame->color_range = AVCOL_RANGE_JPEG;
	e->frame->colorspace = AVCOL_SPC_BT470BG;
	return av_frame_get_buffer(e->frame, 0);
}

static int is_x264_preset(const char *name) {
	static const char *const presets[] = {"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", NULL};
	for (int i = 0; presets[i]; i++)
		if (strcmp(name, presets[i]) == 0) return 1;
	return 0;
}

// openEncoder(codec, width, height, fps, crf, maxKbps, keyint, preset, x264Params) -> handle;
// preset is x264's (ignored for VP9), x264Params its key=value:... options ("" for none).
static napi_value open_encoder(napi_env env, napi_callback_info info) {
	size_t argc = 9;
	napi_value argv[9];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	if (argc < 9) return throw_error(env, "openEncoder needs 9 arguments");
	Encoder *e = calloc(1, sizeof *e);
	if (!e) return throw_error(env, "out of memory");
	double crf;
	e->codec = codec_of(env, argv[0]);
	if (!e->codec || !int_arg(env, argv[1], &e->width) || !int_arg(env, argv[2], &e->height) ||
	    !int_arg(env, argv[3], &e->fps) || napi_get_value_double(env, argv[4], &crf) != napi_ok ||
	    !int_arg(env, argv[5], &e->max_kbps) || !int_arg(env, argv[6], &e->keyint) ||
	    napi_get_value_string_utf8(env, argv[7], e->preset, sizeof e->preset, NULL) != napi_ok ||
	    napi_get_value_string_utf8(env, argv[8], e->params, sizeof e->params, NULL) != napi_ok ||
	    !is_x264_preset(e->preset)) {
		free(e);
		return throw_error(env, "openEncoder: bad arguments");
	}
	e->crf = crf;
	// x264 and 4:4:4 take any size; even sizes keep VP9 and older decoders out of trouble.
	if (e->width < 2 || e->height < 2 || e->width > 4096 || e->height > 4096 || e->fps < 1 || e->fps > 120 ||
	    e->max_kbps < 10 || e->keyint < 1 || crf < 0 || crf > 63) {
		free(e);
		return throw_error(env, "openEncoder: settings out of range");
	}
	e->last_pts = -1;
	int err = encoder_open_codec(e);
	if (err < 0) {
		encoder_free_codec(e);
		free(e);
		return throw_av(env, "could not open the encoder", err);
	}
	napi_value handle;
	if (napi_create_external(env, e, encoder_finalize, NULL, &handle) != napi_ok) {
		encoder_free_codec(e);
		free(e);
		return throw_error(env, "openEncoder: could not make a handle");
	}
	return handle;
}

// The struct behind a handle (an encoder, decoder or reader external), or NULL for anything else.
static void *handle_of(napi_env env, napi_value value) {
	void *data = NULL;
	if (napi_get_value_external(env, value, &data) != napi_ok) return NULL;
	return data;
}

// setRate(handle, crf, maxKbps): x264 takes both on its next frame; libvpx is reopened (its next
// frame is then a keyframe), which is why the caller changes it only in steps.
static napi_value set_rate(napi_env env, napi_callback_info info) {
	size_t argc = 3;
	napi_value argv[3];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	Encoder *e = argc == 3 ? handle_of(env, argv[0]) : NULL;
	double crf;
	int max_kbps;
	if (!e || !e->ctx || napi_get_value_double(env, argv[1], &crf) != napi_ok || !int_arg(env, argv[2], &max_kbps))
		return throw_error(env, "setRate: bad arguments");
	if (crf < 0 || crf > 63 || max_kbps < 10) return throw_error(env, "setRate: settings out of range");
	if (crf == e->crf && max_kbps == e->max_kbps) return NULL;
	e->crf = crf;
	e->max_kbps = max_kbps;
	if (e->codec == CODEC_H264) {
		e->ctx->rc_max_rate = (int64_t)max_kbps * 1000;
		e->ctx->rc_buffer_size = max_kbps * 1000 / 10;
		av_opt_set_double(e->ctx->priv_data, "crf", crf, 0);
	} else {
		e->reopen = 1;
	}
	return NULL;
}

// encode(handle, bgr, forceKeyframe) -> {data: Buffer, key: boolean} | null
static napi_value encode(napi_env env, napi_callback_info info) {
	size_t argc = 4;
	napi_value argv[4];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	Encoder *e = argc >= 3 ? handle_of(env, argv[0]) : NULL;
	if (!e || !e->ctx) return throw_error(env, "encode: the encoder is closed");
	void *pixels;
	size_t length;
	bool force;
	if (napi_get_buffer_info(env, argv[1], &pixels, &length) != napi_ok ||
	    napi_get_value_bool(env, argv[2], &force) != napi_ok)
		return throw_error(env, "encode: bad arguments");
	if (length != (size_t)e->width * e->height * 3) return throw_error(env, "encode: the frame is not the encoder's size");
	double at = 0;
	if (argc >= 4) napi_get_value_double(env, argv[3], &at);
	if (e->reopen) {
		encoder_free_codec(e);
		e->reopen = 0;
		int err = encoder_open_codec(e);
		if (err < 0) return throw_av(env, "could not reopen the encoder", err);
		force = true;
	}
	int err = av_frame_make_writable(e->frame);
	if (err < 0) return throw_av(env, "encode", err);
	bgr_to_yuv444(pixels, e->width, e->height, e->frame->data, e->frame->linesize);
	int64_t pts = (int64_t)at;
	if (pts <= e->last_pts) pts = e->last_pts + 1;
	e->last_pts = pts;
	e->frame->pts = pts;
	e->frame->pict_type = force ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
	err = avcodec_send_frame(e->ctx, e->frame);
	if (err < 0) return throw_av(env, "encode", err);
	err = avcodec_receive_packet(e->ctx, e->packet);
	if (err == AVERROR(EAGAIN)) {
		napi_value none;
		napi_get_null(env, &none);
		return none;
	}
	if (err < 0) return throw_av(env, "encode", err);
	napi_value result, data;
	void *copy;
	if (napi_create_buffer(env, e->packet->size, &copy, &data) != napi_ok) {
		av_packet_unref(e->packet);
		return throw_error(env, "encode: out of memory");
	}
	memcpy(copy, e->packet->data, e->packet->size);
	int key = (e->packet->flags & AV_PKT_FLAG_KEY) != 0;
	av_packet_unref(e->packet);
	napi_create_object(env, &result);
	napi_set_named_property(env, result, "data", data);
	napi_set_named_property(env, result, "key", make_bool(env, key));
	return result;
}

static napi_value close_encoder(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	Encoder *e = argc == 1 ? handle_of(env, argv[0]) : NULL;
	if (e) encoder_free_codec(e);
	return NULL;
}

// ---------------------------------------------------------------------------------------------
// Decoder

static void decoder_free_codec(Decoder *d) {
	int held = d->peak_picture_bytes >= 8 * 1024 * 1024;
	d->peak_picture_bytes = 0;
	if (d->ctx) avcodec_free_context(&d->ctx);
	if (d->frame) av_frame_free(&d->frame);
	if (d->packet) av_packet_free(&d->packet);
	if (d->sws) sws_freeContext(d->sws);
	d->sws = NULL;
#ifdef __GLIBC__
	// glibc keeps freed blocks for the next malloc, and after its first large free it serves
	// blocks the size of a picture from the heap rather than from their own mappings: a closed
	// decoder's pictures (a refused hostile stream's 30 MB) go back to the system here instead.
	// (Only after one that held 8 MB or more: a trim walks the whole heap, and a small decoder's
	// pictures are not worth it.)
	if (held) malloc_trim(0);
#else
	(void)held;
#endif
}

static void decoder_finalize(napi_env env, void *data, void *hint) {
	(void)env;
	(void)hint;
	Decoder *d = data;
	decoder_free_codec(d);
	free(d);
}

// What all the pictures a decoder holds at once may take: 32 MB, so a hostile stream at the largest
// size a message may claim (1280x720 4:4:4, about 3 MB a picture with its padding) gets 10 or so,
// where one that claims 16 reference frames and as many delayed pictures would take 100 MB. An
// honest facetty stream holds 2-3 pictures past 320x240 (x264 with one reference, no B-frames),
// and up to 10 at terminal sizes (8 references, each under 0.4 MB there).
static const int64_t picture_budget = 32 * 1024 * 1024;

typedef struct {
	Decoder *decoder;
	AVBufferRef *inner;
	int64_t bytes;
} CountedBuffer;

static void counted_free(void *opaque, uint8_t *data) {
	(void)data;
	CountedBuffer *counted = opaque;
	counted->decoder->picture_bytes -= counted->bytes;
	av_buffer_unref(&counted->inner);
	av_free(counted);
}

// Every picture buffer passes here: a stream that claims a small picture but codes a big one (a
// cropping window over a huge coded size slips past max_pixels, which sees the cropped size)
// gets an error instead of the memory, and so does one that would hold more pictures than the
// budget. Each buffer libavcodec hands out is wrapped so its release is counted.
static int bounded_get_buffer(AVCodecContext *ctx, AVFrame *frame, int flags) {
	Decoder *d = ctx->opaque;
	if (!d || (int64_t)frame->width * frame->height > d->max_allocation) return AVERROR(EINVAL);
	int err = avcodec_default_get_buffer2(ctx, frame, flags);
	if (err < 0) return err;
	int64_t bytes = 0;
	for (int i = 0; i < AV_NUM_DATA_POINTERS && frame->buf[i]; i++) bytes += frame->buf[i]->size;
	if (frame->extended_buf || d->picture_bytes + bytes > picture_budget) {
		av_frame_unref(frame);
		return AVERROR(ENOMEM);
	}
	for (int i = 0; i < AV_NUM_DATA_POINTERS && frame->buf[i]; i++) {
		CountedBuffer *counted = av_mallocz(sizeof *counted);
		AVBufferRef *outer = counted ? av_buffer_create(frame->buf[i]->data, frame->buf[i]->size, counted_free,
		                                                counted, 0)
		                             : NULL;
		if (!outer) {
			av_free(counted);
			av_frame_unref(frame);
			return AVERROR(ENOMEM);
		}
		counted->decoder = d;
		counted->inner = frame->buf[i];
		counted->bytes = frame->buf[i]->size;
		d->picture_bytes += counted->bytes;
		if (d->picture_bytes > d->peak_picture_bytes) d->peak_picture_bytes = d->picture_bytes;
		frame->buf[i] = outer;
	}
	return 0;
}

// openDecoder(codec) -> handle
static napi_value open_decoder(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	int which = argc == 1 ? codec_of(env, argv[0]) : 0;
	if (!which) return throw_error(env, "openDecoder: the codec is h264 or vp9");
	// FFmpeg's own decoders (not libvpx's): they honour max_pixels and the error flags.
	const AVCodec *codec = avcodec_find_decoder(which == CODEC_H264 ? AV_CODEC_ID_H264 : AV_CODEC_ID_VP9);
	if (!codec) return throw_error(env, "this FFmpeg has no decoder for the codec");
	Decoder *d = calloc(1, sizeof *d);
	if (!d) return throw_error(env, "out of memory");
	d->codec = which;
	d->ctx = avcodec_alloc_context3(codec);
	d->frame = av_frame_alloc();
	d->packet = av_packet_alloc();
	if (!d->ctx || !d->frame || !d->packet) {
		decoder_free_codec(d);
		free(d);
		return throw_error(env, "out of memory");
	}
	// One thread (frame threads hold pictures back), pictures out as soon as decoded, and any
	// damage an error instead of a concealed picture.
	d->ctx->thread_count = 1;
	d->ctx->thread_type = 0;
	d->ctx->flags |= AV_CODEC_FLAG_LOW_DELAY;
	d->ctx->err_recognition = AV_EF_EXPLODE | AV_EF_BITSTREAM | AV_EF_BUFFER | AV_EF_CRCCHECK;
	d->ctx->max_pixels = 1;
	d->ctx->opaque = d;
	d->ctx->get_buffer2 = bounded_get_buffer;
	int err = avcodec_open2(d->ctx, codec, NULL);
	if (err < 0) {
		decoder_free_codec(d);
		free(d);
		return throw_av(env, "could not open the decoder", err);
	}
	napi_value handle;
	if (napi_create_external(env, d, decoder_finalize, NULL, &handle) != napi_ok) {
		decoder_free_codec(d);
		free(d);
		return throw_error(env, "openDecoder: could not make a handle");
	}
	return handle;
}

// decode(handle, packet, width, height) -> BGR Buffer of width*height*3 | null (no picture from
// this packet); throws on any error, after which the caller asks for a keyframe.
static napi_value decode(napi_env env, napi_callback_info info) {
	size_t argc = 4;
	napi_value argv[4];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	Decoder *d = argc == 4 ? handle_of(env, argv[0]) : NULL;
	if (!d || !d->ctx) return throw_error(env, "decode: the decoder is closed");
	void *bytes;
	size_t length;
	int width, height;
	if (napi_get_buffer_info(env, argv[1], &bytes, &length) != napi_ok || !int_arg(env, argv[2], &width) ||
	    !int_arg(env, argv[3], &height))
		return throw_error(env, "decode: bad arguments");
	if (width < 1 || height < 1 || width > 4096 || height > 4096) return throw_error(env, "decode: bad size");
	if (length == 0 || length > (size_t)INT32_MAX - AV_INPUT_BUFFER_PADDING_SIZE)
		return throw_error(env, "decode: empty packet");
	// The message's own size bounds every picture the decoder may allocate: coded sizes round up
	// to whole macroblocks (16, H.264) or superblocks (64, VP9), and libavcodec checks the width
	// rounded up to its stride alignment (up to 64).
	d->max_allocation = (int64_t)(width + 64) * (height + 64);
	d->ctx->max_pixels = d->max_allocation;
	int err = av_new_packet(d->packet, (int)length);
	if (err < 0) return throw_av(env, "decode", err);
	memcpy(d->packet->data, bytes, length);
	err = avcodec_send_packet(d->ctx, d->packet);
	av_packet_unref(d->packet);
	if (err < 0) return throw_av(env, "the packet does not decode", err);
	err = avcodec_receive_frame(d->ctx, d->frame);
	if (err == AVERROR(EAGAIN)) {
		napi_value none;
		napi_get_null(env, &none);
		return none;
	}
	if (err < 0) return throw_av(env, "the packet does not decode", err);
	AVFrame *f = d->frame;
	if (f->width != width || f->height != height) {
		av_frame_unref(f);
		return throw_error(env, "the picture is not the size its message says");
	}
	if (f->decode_error_flags || (f->flags & AV_FRAME_FLAG_CORRUPT)) {
		av_frame_unref(f);
		return throw_error(env, "the picture is damaged");
	}
	// What facetty's encoder sends (full range 4:4:4) is converted here; anything else by swscale.
	if ((f->format == AV_PIX_FMT_YUV444P || f->format == AV_PIX_FMT_YUVJ444P) && f->color_range == AVCOL_RANGE_JPEG) {
		napi_value out;
		void *pixels;
		if (napi_create_buffer(env, (size_t)width * height * 3, &pixels, &out) != napi_ok) {
			av_frame_unref(f);
			return throw_error(env, "decode: out of memory");
		}
		yuv444_to_bgr((const uint8_t *const *)f->data, f->linesize, width, height, pixels);
		av_frame_unref(f);
		return out;
	}
	d->sws = sws_getCachedContext(d->sws, width, height, f->format, width, height, AV_PIX_FMT_BGR24,
	                              SWS_POINT | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, NULL, NULL, NULL);
	if (!d->sws) {
		av_frame_unref(f);
		return throw_error(env, "the picture's format cannot be shown");
	}
	full_range(d->sws, 1, f->color_range == AVCOL_RANGE_JPEG);
	napi_value out;
	void *pixels;
	if (napi_create_buffer(env, (size_t)width * height * 3, &pixels, &out) != napi_ok) {
		av_frame_unref(f);
		return throw_error(env, "decode: out of memory");
	}
	uint8_t *target[1] = {pixels};
	const int stride[1] = {width * 3};
	sws_scale(d->sws, (const uint8_t *const *)f->data, f->linesize, 0, height, target, stride);
	av_frame_unref(f);
	return out;
}

static napi_value close_decoder(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	Decoder *d = argc == 1 ? handle_of(env, argv[0]) : NULL;
	if (d) decoder_free_codec(d);
	return NULL;
}


// ---------------------------------------------------------------------------------------------
// Area averaging: each target pixel is the mean of the source pixels it covers, fractions of a
// pixel weighed by how much of them it covers (OpenCV's INTER_AREA, computeResizeAreaTab), so a
// shrunk picture does not shimmer. Three channels; enlarging goes through swscale's bilinear.

typedef struct {
	int source, target;
	float weight;
} AreaTap;

// The taps of one axis, source index ascending; at most target * (ceil(scale) + 2) of them.
static int area_taps(int source_size, int target_size, AreaTap *taps) {
	double scale = (double)source_size / target_size;
	int n = 0;
	for (int t = 0; t < target_size; t++) {
		double from = t * scale, to = from + scale;
		double cell = fmin(scale, source_size - from);
		int first = (int)ceil(from), last = (int)floor(to);
		if (last > source_size - 1) last = source_size - 1;
		if (first > last) first = last;
		if (first - from > 1e-3) taps[n++] = (AreaTap){first - 1, t, (float)((first - from) / cell)};
		for (int s = first; s < last; s++) taps[n++] = (AreaTap){s, t, (float)(1.0 / cell)};
		if (to - last > 1e-3) taps[n++] = (AreaTap){last, t, (float)(fmin(fmin(to - last, 1.0), cell) / cell)};
	}
	return n;
}

// One target column's taps as a run: source columns [first, last) at one weight, with a partial
// one on each side (weight 0 when none). The same taps as area_taps, added up as integers first.
typedef struct {
	int first, last;
	float weight, left, right;
} AreaRun;

static void area_runs(int source_size, int target_size, AreaRun *runs) {
	double scale = (double)source_size / target_size;
	for (int t = 0; t < target_size; t++) {
		double from = t * scale, to = from + scale;
		double cell = fmin(scale, source_size - from);
		int first = (int)ceil(from), last = (int)floor(to);
		if (last > source_size - 1) last = source_size - 1;
		if (first > last) first = last;
		runs[t] = (AreaRun){first, last, (float)(1.0 / cell), 0, 0};
		if (first - from > 1e-3) runs[t].left = (float)((first - from) / cell);
		if (to - last > 1e-3) runs[t].right = (float)(fmin(fmin(to - last, 1.0), cell) / cell);
	}
}

static uint8_t to_byte(float value) {
	long v = lrintf(value);
	return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
}

// One target row from the weighed sum of its source rows (`acc`, source_w * 3 floats): each
// target pixel the sum of its run of columns.
static void area_row(const float *acc, const AreaRun *xs, int target_w, uint8_t *out) {
	for (int t = 0; t < target_w; t++) {
		const AreaRun *run = &xs[t];
		float b = 0, g = 0, r = 0;
		for (const float *p = acc + run->first * 3, *end = acc + run->last * 3; p < end; p += 3) {
			b += p[0];
			g += p[1];
			r += p[2];
		}
		b *= run->weight;
		g *= run->weight;
		r *= run->weight;
		if (run->left > 0) {
			const float *p = acc + (run->first - 1) * 3;
			b += p[0] * run->left;
			g += p[1] * run->left;
			r += p[2] * run->left;
		}
		if (run->right > 0) {
			const float *p = acc + run->last * 3;
			b += p[0] * run->right;
			g += p[1] * run->right;
			r += p[2] * run->right;
		}
		out[t * 3] = to_byte(b);
		out[t * 3 + 1] = to_byte(g);
		out[t * 3 + 2] = to_byte(r);
	}
}

// Shrinks a BGR picture (source_stride bytes a row) to target_w x target_h (each no larger than the
// source's); 0, or -1 when out of memory. Rows first: adding whole source rows, weighed, runs over
// contiguous memory (the compiler vectorises it), and each target row is then summed across once.
static int area_shrink(const uint8_t *source, int source_stride, int source_w, int source_h, uint8_t *target,
                       int target_w, int target_h) {
	AreaRun *xs = malloc(sizeof *xs * (size_t)target_w);
	AreaTap *ys = malloc(sizeof *ys * ((size_t)target_h * ((size_t)(source_h / target_h) + 3)));
	float *acc = calloc((size_t)source_w * 3, sizeof *acc);
	if (!xs || !ys || !acc) {
		free(xs);
		free(ys);
		free(acc);
		return -1;
	}
	area_runs(source_w, target_w, xs);
	int ny = area_taps(source_h, target_h, ys);
	int current = ys[0].target, n = source_w * 3;
	for (int k = 0; k < ny; k++) {
		if (ys[k].target != current) {
			area_row(acc, xs, target_w, target + (size_t)current * target_w * 3);
			memset(acc, 0, sizeof *acc * (size_t)n);
			current = ys[k].target;
		}
		const uint8_t *line = source + (size_t)ys[k].source * source_stride;
		float w = ys[k].weight;
		for (int i = 0; i < n; i++) acc[i] += line[i] * w;
	}
	area_row(acc, xs, target_w, target + (size_t)current * target_w * 3);
	free(xs);
	free(ys);
	free(acc);
	return 0;
}

// Scales a BGR picture to target_w x target_h: area averaging when neither side grows, else
// bilinear (*sws is the caller's cached context). 0, or -1 on failure.
static int scale_bgr(const uint8_t *source, int source_stride, int source_w, int source_h, uint8_t *target,
                     int target_w, int target_h, struct SwsContext **sws) {
	if (target_w == source_w && target_h == source_h) {
		for (int y = 0; y < source_h; y++)
			memcpy(target + (size_t)y * target_w * 3, source + (size_t)y * source_stride, (size_t)source_w * 3);
		return 0;
	}
	if (target_w <= source_w && target_h <= source_h)
		return area_shrink(source, source_stride, source_w, source_h, target, target_w, target_h);
	*sws = sws_getCachedContext(*sws, source_w, source_h, AV_PIX_FMT_BGR24, target_w, target_h, AV_PIX_FMT_BGR24,
	                            SWS_BILINEAR, NULL, NULL, NULL);
	if (!*sws) return -1;
	const uint8_t *from[1] = {source};
	const int from_stride[1] = {source_stride};
	uint8_t *to[1] = {target};
	const int to_stride[1] = {target_w * 3};
	sws_scale(*sws, from, from_stride, 0, source_h, to, to_stride);
	return 0;
}

static struct SwsContext *main_thread_sws;

// scale(bgr, width, height, targetWidth, targetHeight) -> Buffer of targetWidth*targetHeight*3.
static napi_value scale(napi_env env, napi_callback_info info) {
	size_t argc = 5;
	napi_value argv[5];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	void *pixels;
	size_t length;
	int w, h, tw, th;
	if (argc < 5 || napi_get_buffer_info(env, argv[0], &pixels, &length) != napi_ok || !int_arg(env, argv[1], &w) ||
	    !int_arg(env, argv[2], &h) || !int_arg(env, argv[3], &tw) || !int_arg(env, argv[4], &th))
		return throw_error(env, "scale: bad arguments");
	if (w < 1 || h < 1 || tw < 1 || th < 1 || w > 8192 || h > 8192 || tw > 8192 || th > 8192 ||
	    length != (size_t)w * h * 3)
		return throw_error(env, "scale: bad size");
	napi_value out;
	void *target;
	if (napi_create_buffer(env, (size_t)tw * th * 3, &target, &out) != napi_ok)
		return throw_error(env, "scale: out of memory");
	if (scale_bgr(pixels, w * 3, w, h, target, tw, th, &main_thread_sws) < 0)
		return throw_error(env, "scale: out of memory");
	return out;
}

#ifdef FACETTY_AVFORMAT
// ---------------------------------------------------------------------------------------------
// Reader: video files and streams through libavformat, one frame at a time, decoded, converted to
// BGR, cropped and scaled on libuv's thread pool (napi async work), so the event loop stays free.

typedef struct {
	AVFormatContext *format;
	AVCodecContext *ctx;
	AVFrame *frame;
	AVPacket *packet;
	int stream;
	struct SwsContext *to_bgr;
	struct SwsContext *enlarge;
	uint8_t *bgr;
	size_t bgr_size;
	// One read at a time: JS waits for each. A close (or the handle's collection) during a read
	// is done by the read's completion.
	int busy, closing, orphaned;
	// The read asked for.
	int crop_x, crop_y, crop_w, crop_h, target_w, target_h, skip, loop;
	// Its result: 0 a picture in out, 1 the end, or an AVERROR.
	int status;
	uint8_t *out;
	napi_deferred deferred;
	napi_async_work work;
} Reader;

static void reader_free(Reader *r) {
	if (r->ctx) avcodec_free_context(&r->ctx);
	if (r->format) avformat_close_input(&r->format);
	if (r->frame) av_frame_free(&r->frame);
	if (r->packet) av_packet_free(&r->packet);
	if (r->to_bgr) sws_freeContext(r->to_bgr);
	if (r->enlarge) sws_freeContext(r->enlarge);
	r->to_bgr = r->enlarge = NULL;
	free(r->bgr);
	r->bgr = NULL;
	free(r->out);
	r->out = NULL;
}

static void reader_finalize(napi_env env, void *data, void *hint) {
	(void)env;
	(void)hint;
	Reader *r = data;
	if (r->busy) {
		r->orphaned = 1;
		return;
	}
	reader_free(r);
	free(r);
}

// openReader(url, timeoutMicroseconds) -> {handle, width, height, fps, oneThread}: fps 0 when the
// stream tells none; oneThread when its pictures are decoded on one thread (up to 640x480). A
// timeout of 0 leaves FFmpeg's own (files).
static napi_value open_reader(napi_env env, napi_callback_info info) {
	size_t argc = 2;
	napi_value argv[2];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	char url[4096];
	size_t url_length = 0;
	double timeout = 0;
	if (argc < 2 || napi_get_value_string_utf8(env, argv[0], url, sizeof url, &url_length) != napi_ok ||
	    url_length >= sizeof url - 1 || napi_get_value_double(env, argv[1], &timeout) != napi_ok)
		return throw_error(env, "openReader: bad arguments");
	Reader *r = calloc(1, sizeof *r);
	if (!r) return throw_error(env, "out of memory");
	AVDictionary *options = NULL;
	if (timeout > 0) {
		char text[32];
		snprintf(text, sizeof text, "%.0f", timeout);
		av_dict_set(&options, "rw_timeout", text, 0);
	}
	int err = avformat_open_input(&r->format, url, NULL, &options);
	av_dict_free(&options);
	if (err < 0) {
		free(r);
		return throw_av(env, "cannot open", err);
	}
	const AVCodec *codec = NULL;
	err = avformat_find_stream_info(r->format, NULL);
	if (err >= 0) err = av_find_best_stream(r->format, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
	if (err < 0 || !codec) {
		reader_free(r);
		free(r);
		return throw_av(env, "no video in it", err < 0 ? err : AVERROR_DECODER_NOT_FOUND);
	}
	r->stream = err;
	AVStream *stream = r->format->streams[r->stream];
	// Only the video stream's packets are wanted: the others are dropped by the demuxer.
	for (unsigned i = 0; i < r->format->nb_streams; i++)
		if ((int)i != r->stream) r->format->streams[i]->discard = AVDISCARD_ALL;
	r->ctx = avcodec_alloc_context3(codec);
	r->frame = av_frame_alloc();
	r->packet = av_packet_alloc();
	if (!r->ctx || !r->frame || !r->packet) {
		reader_free(r);
		free(r);
		return throw_error(env, "out of memory");
	}
	err = avcodec_parameters_to_context(r->ctx, stream->codecpar);
	// A picture up to 640x480 decodes in a millisecond or two on one thread (cheap enough for the
	// caller's own turn: oneThread below); larger ones get FFmpeg's threads (one a core) to keep
	// their rate.
	bool one_thread = (int64_t)stream->codecpar->width * stream->codecpar->height <= 640 * 480;
	r->ctx->thread_count = one_thread ? 1 : 0;
	if (err >= 0) err = avcodec_open2(r->ctx, codec, NULL);
	if (err < 0 || stream->codecpar->width < 1 || stream->codecpar->height < 1) {
		reader_free(r);
		free(r);
		return throw_av(env, "cannot decode its video", err < 0 ? err : AVERROR_INVALIDDATA);
	}
	AVRational rate = av_guess_frame_rate(r->format, stream, NULL);
	napi_value result, handle, value;
	if (napi_create_external(env, r, reader_finalize, NULL, &handle) != napi_ok) {
		reader_free(r);
		free(r);
		return throw_error(env, "openReader: could not make a handle");
	}
	napi_create_object(env, &result);
	napi_set_named_property(env, result, "handle", handle);
	napi_create_int32(env, stream->codecpar->width, &value);
	napi_set_named_property(env, result, "width", value);
	napi_create_int32(env, stream->codecpar->height, &value);
	napi_set_named_property(env, result, "height", value);
	napi_create_double(env, rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0, &value);
	napi_set_named_property(env, result, "fps", value);
	napi_get_boolean(env, one_thread, &value);
	napi_set_named_property(env, result, "oneThread", value);
	return result;
}

// The next decoded picture into r->frame: 0, AVERROR_EOF at the end, or another AVERROR. A packet
// that does not decode is passed over, as a player would.
static int reader_next(Reader *r) {
	for (;;) {
		int err = avcodec_receive_frame(r->ctx, r->frame);
		if (err != AVERROR(EAGAIN)) return err;
		err = av_read_frame(r->format, r->packet);
		if (err == AVERROR_EOF) {
			// Drain what the decoder still holds; its receive then says AVERROR_EOF.
			avcodec_send_packet(r->ctx, NULL);
			continue;
		}
		if (err < 0) return err;
		if (r->packet->stream_index == r->stream) {
			err = avcodec_send_packet(r->ctx, r->packet);
			if (err < 0 && err != AVERROR_INVALIDDATA && err != AVERROR(EAGAIN)) {
				av_packet_unref(r->packet);
				return err;
			}
		}
		av_packet_unref(r->packet);
	}
}

static int reader_rewind(Reader *r) {
	AVStream *stream = r->format->streams[r->stream];
	int64_t start = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
	int err = av_seek_frame(r->format, r->stream, start, AVSEEK_FLAG_BACKWARD);
	avcodec_flush_buffers(r->ctx);
	return err;
}

// The planar 8-bit YUV formats the reader shrinks before it converts, and the range swscale reads
// each in (so OpenCV's VideoCapture too): full for the J formats, limited for the others whatever
// the stream's colour_range says, since sws_scale is not told it. -1 for any other format.
static int planar_yuv_range(int format) {
	switch (format) {
	case AV_PIX_FMT_YUV420P:
	case AV_PIX_FMT_YUV422P:
	case AV_PIX_FMT_YUV444P:
		return 0;
	case AV_PIX_FMT_YUVJ420P:
	case AV_PIX_FMT_YUVJ422P:
	case AV_PIX_FMT_YUVJ444P:
		return 1;
	default:
		return -1;
	}
}

// The samples a target pixel covers on one axis of a plane, [first, first + count), weighed in
// 32768ths that add up to 32768: `lo` and `hi` are the pixel's edges in that plane's samples
// (fractions for a partly covered sample at either end). A plane subsampled by two takes the luma
// edges halved: swscale's unscaled conversion gives each pixel its block's chroma sample, and the
// area average of those copies is the average over the halved interval.
static int interval_weights(double lo, double hi, int limit, uint16_t *weights, int *first) {
	int start = (int)floor(lo), end = (int)ceil(hi);
	if (end > limit) end = limit;
	if (start >= end) start = end - 1;
	double span = hi - lo;
	uint32_t total = 0, largest = 0;
	int heaviest = 0;
	// Every sample from the one lo cuts to the one hi cuts; none past the plane's edge.
	for (int s = start; s < end; s++) {
		double cover = fmin(hi, s + 1) - fmax(lo, s);
		uint16_t w = cover > 0 ? (uint16_t)lrint(cover / span * 32768) : 0;
		weights[s - start] = w;
		total += w;
		if (w > largest) largest = w, heaviest = s - start;
	}
	// Rounding goes to the heaviest sample, so a flat picture stays exactly flat.
	weights[heaviest] += 32768 - total;
	*first = start;
	return end - start;
}

// Rounded in integers, where the clamp compiles to conditional moves: a saturated picture's
// clipping would mispredict branches.
static uint8_t clamp_byte(float value) {
	int level = (int)(value + 0.5f);
	level = level < 0 ? 0 : level;
	return (uint8_t)(level > 255 ? 255 : level);
}

// One axis of a plane's columns: target column x takes `taps` samples from start[x] (in the
// plane's row from its sample `first`), weighed by weight[x * taps + j], zero past its last. Every
// column runs the same loop with no branch (the runs' lengths vary from column to column, and
// their ends mispredicted): two taps where the picture shrinks by less than about two, else a
// multiple of four, taken four at a time from the summed row in floats. Tap by tap across all
// columns, each product went through memory and converted its sample again: a 640x480 4:2:0
// picture to 128x96 takes 0.15-0.19 ms instead of 0.18-0.22 (the shrink alone in C, clip.mp4's
// 360 pictures, 8 times each, thread CPU time, alternating, 5 runs; the same output within a
// level, 40 of 13 million bytes).
typedef float Floats __attribute__((vector_size(16)));
typedef struct {
	int first, n, taps;
	int *start;
	float *weight;
} Columns;

// The edges of target column x in a plane subsampled by `shift`, in samples from `first`.
static void column_edges(int cx, int cw, double scale, int x, int shift, int first, int n, double *a, double *b) {
	*a = (cx + x * scale) / (1 << shift) - first;
	*b = fmin((cx + fmin((x + 1) * scale, cw)) / (1 << shift) - first, n);
}

// Fills `columns` for a crop (cx, cw) of a plane `plane_w` samples wide; 0, or -1 when out of memory.
static int columns_for(Columns *columns, int cx, int cw, int target_w, int shift, int plane_w) {
	if (target_w < 1 || cw < target_w) return -1;
	double scale = (double)cw / target_w, a, b;
	int first = (int)floor((double)cx / (1 << shift)), n = (int)ceil((double)(cx + cw) / (1 << shift)) - first;
	if (first + n > plane_w) n = plane_w - first;
	int taps = 1;
	for (int x = 0; x < target_w; x++) {
		column_edges(cx, cw, scale, x, shift, first, n, &a, &b);
		if ((int)floor(b) - (int)floor(a) + 1 > taps) taps = (int)floor(b) - (int)floor(a) + 1;
	}
	taps = taps <= 2 ? 2 : (taps + 3) / 4 * 4;
	// Whole vectors, as aligned_alloc wants.
	size_t size = sizeof(Floats) * (((size_t)taps * target_w + 3) / 4);
	*columns = (Columns){first, n, taps, malloc(sizeof(int) * (size_t)target_w), aligned_alloc(sizeof(Floats), size)};
	if (columns->weight) memset(columns->weight, 0, size);
	if (!columns->start || !columns->weight) return -1;
	for (int x = 0; x < target_w; x++) {
		column_edges(cx, cw, scale, x, shift, first, n, &a, &b);
		// The samples from the one the left edge cuts to the one the right edge cuts: the left one
		// less its part outside, the right one only its part inside (32768ths: the rows' weights).
		int ia = (int)floor(a), ib = (int)floor(b);
		double unit = 1.0 / ((b - a) * 32768);
		columns->start[x] = ia;
		for (int i = ia; i <= ib; i++) {
			double w = (i < ib ? 1.0 : b - ib) - (i == ia ? a - ia : 0.0);
			columns->weight[(size_t)x * columns->taps + (i - ia)] = (float)(w * unit);
		}
	}
	return 0;
}

// Shrinks the crop (cx, cy, cw, ch) of a planar YUV picture straight to BGR, target_w x target_h
// (each no larger than the crop's): each plane area-averaged at its own resolution, then only the
// small picture converted, with swscale's BT.601 coefficients in `range`. The full-size BGR picture
// is never made: half the samples to average (4:2:0), and no conversion of 300 000 pixels.
// Rows first, in integers (the compiler vectorises it), then across each summed row. 0, or -1 when
// out of memory.
//
// Against OpenCV's INTER_AREA of VideoCapture's picture (test/native-codec.test.ts): that picture
// is converted by swscale's x86 SIMD, which truncates (about a level darker than rounding), and
// clipped pixel by pixel, where here a saturated colour's average is converted and clipped once.
VECTOR_CLONES
static int yuv_area_shrink(const AVFrame *f, int range, int cx, int cy, int cw, int ch, uint8_t *out, int target_w,
                           int target_h) {
	int shift_w = 0, shift_h = 0;
	if (av_pix_fmt_get_chroma_sub_sample(f->format, &shift_w, &shift_h) < 0) return -1;
	// Luma's columns and chroma's.
	Columns columns[2] = {{0}, {0}};
	int rows = ch / target_h + 3;
	int ok = columns_for(&columns[0], cx, cw, target_w, 0, f->width) == 0 &&
	         columns_for(&columns[1], cx, cw, target_w, shift_w, AV_CEIL_RSHIFT(f->width, shift_w)) == 0;
	int taps = ok && columns[0].taps > columns[1].taps ? columns[0].taps : columns[1].taps;
	uint32_t *acc = ok ? malloc(sizeof *acc * ((size_t)cw + 2 + taps)) : NULL;
	float *sums = ok ? malloc(sizeof *sums * ((size_t)cw + 2 + taps)) : NULL;
	uint16_t *weights = malloc(sizeof *weights * (size_t)rows * 2);
	float *row = malloc(sizeof *row * (size_t)target_w * 3);
	if (acc && sums && weights && row) {
		const int *table = sws_getCoefficients(SWS_CS_DEFAULT);
		float chroma = range ? 224.0f / 255.0f / 65536.0f : 1.0f / 65536.0f;
		float luma = range ? 1.0f : 255.0f / 219.0f, black = range ? 0.0f : 16.0f;
		float crv = table[0] * chroma, cbu = table[1] * chroma, cgu = table[2] * chroma, cgv = table[3] * chroma;
		double scale_y = (double)ch / target_h;
		for (int t = 0; t < target_h; t++) {
			double top = t * scale_y, bottom = fmin(top + scale_y, ch);
			int count = 0, from = 0;
			for (int p = 0; p < 3; p++) {
				const Columns *c = &columns[p > 0];
				int sy = p ? shift_h : 0, plane_h = p ? AV_CEIL_RSHIFT(f->height, sy) : f->height;
				// Both chroma planes take the same rows.
				uint16_t *w = weights + (p > 0) * rows;
				if (p < 2) count = interval_weights((cy + top) / (1 << sy), (cy + bottom) / (1 << sy), plane_h, w, &from);
				uint32_t *restrict sum = acc;
				const uint8_t *line = f->data[p] + (size_t)from * f->linesize[p] + c->first;
				for (int i = 0; i < c->n; i++) sum[i] = (uint32_t)line[i] * w[0];
				for (int k = 1; k < count; k++) {
					const uint8_t *restrict next = line + (size_t)k * f->linesize[p];
					uint32_t weight = w[k];
					for (int i = 0; i < c->n; i++) sum[i] += (uint32_t)next[i] * weight;
				}
				// Converted once, not once for every column that takes it.
				float *restrict level = sums;
				for (int i = 0; i < c->n; i++) level[i] = (float)(int32_t)sum[i];
				for (int i = c->n; i < c->n + c->taps; i++) level[i] = 0;
				float *restrict plane = row + (size_t)p * target_w;
				for (int x = 0; c->taps == 2 && x < target_w; x++) {
					const float *at = level + c->start[x], *weight = c->weight + (size_t)x * 2;
					plane[x] = at[0] * weight[0] + at[1] * weight[1];
				}
				for (int x = 0; c->taps > 2 && x < target_w; x++) {
					const float *at = level + c->start[x];
					const Floats *weight = (const Floats *)c->weight + (size_t)x * (c->taps / 4);
					Floats four = {0};
					for (int j = 0; j < c->taps / 4; j++) {
						Floats samples;
						memcpy(&samples, at + j * 4, sizeof samples);
						four += samples * weight[j];
					}
					plane[x] = (four[0] + four[2]) + (four[1] + four[3]);
				}
			}
			uint8_t *line = out + (size_t)t * target_w * 3;
			for (int i = 0; i < target_w; i++) {
				float y = (row[i] - black) * luma, u = row[target_w + i] - 128, v = row[2 * target_w + i] - 128;
				line[i * 3] = clamp_byte(y + cbu * u);
				line[i * 3 + 1] = clamp_byte(y - cgu * u - cgv * v);
				line[i * 3 + 2] = clamp_byte(y + crv * v);
			}
		}
	}
	for (int q = 0; q < 2; q++) {
		free(columns[q].start);
		free(columns[q].weight);
	}
	int done = acc && sums && weights && row;
	free(acc);
	free(sums);
	free(weights);
	free(row);
	return done ? 0 : -1;
}

static void reader_execute(napi_env env, void *data) {
	(void)env;
	Reader *r = data;
	int err = 0;
	// Shown at half the size or less, the pictures nothing refers to (B-frames) are not deblocked:
	// about 5% of clip.mp4's decoding (0.74 -> 0.70 ms a frame), and nothing drifts, since no other
	// picture is predicted from them (66.9 dB against a full decode at 128x96). Skipping it for every
	// picture saved three times that, but the error grew along each GOP to 37 dB (clip.mp4's 250
	// frames), and a stream with no keyframes would drift for ever. skip_idct (NONREF) and
	// AV_CODEC_FLAG2_FAST change nothing here: libavcodec 59's H.264 decoder gives the same pictures
	// with them, byte for byte, over all 360 of clip.mp4's (2 I, 102 P, 256 B), at the same CPU.
	int small = (int64_t)r->target_w * 2 <= r->crop_w && (int64_t)r->target_h * 2 <= r->crop_h;
	r->ctx->skip_loop_filter = small ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
	for (int i = 0; i <= r->skip; i++) {
		if (i > 0) av_frame_unref(r->frame);
		err = reader_next(r);
		if (err == AVERROR_EOF && r->loop) {
			// From the start again; a file that ends at once after a rewind has nothing to show.
			err = reader_rewind(r);
			if (err >= 0) err = reader_next(r);
		}
		if (err < 0) break;
	}
	if (err == AVERROR_EOF) {
		r->status = 1;
		return;
	}
	if (err < 0) {
		r->status = err;
		return;
	}
	AVFrame *f = r->frame;
	// The crop was worked out for the stream's announced size; a picture of another size (a stream
	// that changed it) is cropped within its own bounds.
	int cw = r->crop_w < f->width ? r->crop_w : f->width, ch = r->crop_h < f->height ? r->crop_h : f->height;
	int cx = (int64_t)r->crop_x + cw <= f->width ? r->crop_x : f->width - cw;
	int cy = (int64_t)r->crop_y + ch <= f->height ? r->crop_y : f->height - ch;
	r->out = malloc((size_t)r->target_w * r->target_h * 3);
	if (!r->out) {
		av_frame_unref(f);
		r->status = AVERROR(ENOMEM);
		return;
	}
	int range = planar_yuv_range(f->format);
	if (range >= 0 && r->target_w <= cw && r->target_h <= ch && (r->target_w < cw || r->target_h < ch)) {
		// A shrink needs no full-size BGR picture (the one made for the open's first read goes).
		free(r->bgr);
		r->bgr = NULL;
		r->bgr_size = 0;
		int shrunk = yuv_area_shrink(f, range, cx, cy, cw, ch, r->out, r->target_w, r->target_h);
		r->status = shrunk < 0 ? AVERROR(ENOMEM) : 0;
		av_frame_unref(f);
		return;
	}
	size_t size = (size_t)f->width * f->height * 3;
	if (size > r->bgr_size) {
		free(r->bgr);
		r->bgr = malloc(size);
		r->bgr_size = r->bgr ? size : 0;
	}
	// The conversion OpenCV's VideoCapture makes (swscale, bicubic, the stream's own range).
	r->to_bgr = sws_getCachedContext(r->to_bgr, f->width, f->height, f->format, f->width, f->height,
	                                 AV_PIX_FMT_BGR24, SWS_BICUBIC, NULL, NULL, NULL);
	if (!r->bgr || !r->to_bgr) {
		av_frame_unref(f);
		r->status = AVERROR(ENOMEM);
		return;
	}
	uint8_t *to[1] = {r->bgr};
	const int stride[1] = {f->width * 3};
	sws_scale(r->to_bgr, (const uint8_t *const *)f->data, f->linesize, 0, f->height, to, stride);
	const uint8_t *origin = r->bgr + (size_t)cy * stride[0] + (size_t)cx * 3;
	if (scale_bgr(origin, stride[0], cw, ch, r->out, r->target_w, r->target_h, &r->enlarge) < 0)
		r->status = AVERROR(ENOMEM);
	else
		r->status = 0;
	av_frame_unref(f);
}

// What a finished read gives: true and a BGR Buffer (or null at the end) to resolve with, or false
// and an Error. The picture's memory goes either way.
static bool read_result(napi_env env, Reader *r, napi_value *value) {
	bool ok = true;
	if (r->status == 0) {
		void *copy;
		if (napi_create_buffer_copy(env, (size_t)r->target_w * r->target_h * 3, r->out, &copy, value) != napi_ok)
			napi_get_null(env, value);
	} else if (r->status == 1) {
		napi_get_null(env, value);
	} else {
		char text[AV_ERROR_MAX_STRING_SIZE] = {0};
		av_strerror(r->status, text, sizeof text);
		napi_value message;
		napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &message);
		napi_create_error(env, NULL, message, value);
		ok = false;
	}
	free(r->out);
	r->out = NULL;
	return ok;
}

static void reader_complete(napi_env env, napi_status status, void *data) {
	Reader *r = data;
	r->busy = 0;
	napi_delete_async_work(env, r->work);
	napi_deferred deferred = r->deferred;
	napi_value value;
	if (status != napi_ok) {
		napi_create_string_utf8(env, "the read was cancelled", NAPI_AUTO_LENGTH, &value);
		napi_value error;
		napi_create_error(env, NULL, value, &error);
		napi_reject_deferred(env, deferred, error);
		free(r->out);
		r->out = NULL;
	} else if (read_result(env, r, &value)) {
		napi_resolve_deferred(env, deferred, value);
	} else {
		napi_reject_deferred(env, deferred, value);
	}
	if (r->orphaned) {
		reader_free(r);
		free(r);
	} else if (r->closing) {
		reader_free(r);
	}
}

// The reader and the read asked for by readFrame's and readFrameSync's arguments (into r), or
// NULL with an exception thrown. The arguments are read into locals first: r's own fields belong
// to a read that may be running on the pool until it is known there is none.
static Reader *read_arguments(napi_env env, napi_callback_info info, const char *who) {
	size_t argc = 9;
	napi_value argv[9];
	char text[96];
	if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) argc = 0;
	Reader *r = argc == 9 ? handle_of(env, argv[0]) : NULL;
	int a[7];
	bool loop = false, parsed = r != NULL && napi_get_value_bool(env, argv[8], &loop) == napi_ok;
	for (int i = 0; parsed && i < 7; i++) parsed = int_arg(env, argv[i + 1], &a[i]);
	const char *problem = NULL;
	if (!parsed)
		problem = "bad arguments";
	else if (!r->format || r->closing)
		problem = "the reader is closed";
	else if (r->busy)
		problem = "a read is already running";
	else if (a[0] < 0 || a[1] < 0 || a[2] < 1 || a[3] < 1 || a[4] < 1 || a[5] < 1 || a[4] > 8192 || a[5] > 8192 ||
	         a[6] < 0 || a[6] > 1000)
		problem = "bad size";
	if (problem) {
		snprintf(text, sizeof text, "%s: %s", who, problem);
		throw_error(env, text);
		return NULL;
	}
	r->crop_x = a[0], r->crop_y = a[1], r->crop_w = a[2], r->crop_h = a[3];
	r->target_w = a[4], r->target_h = a[5], r->skip = a[6], r->loop = loop;
	return r;
}

// readFrame(handle, cropX, cropY, cropWidth, cropHeight, width, height, skip, loop) -> Promise of
// a BGR Buffer of width*height*3, or null at the end: passes over `skip` pictures, crops the next
// and scales it; `loop` starts a file over at its end. The work runs on libuv's thread pool.
static napi_value read_frame(napi_env env, napi_callback_info info) {
	Reader *r = read_arguments(env, info, "readFrame");
	if (!r) return NULL;
	napi_value promise, name;
	CHECK_NAPI(env, napi_create_promise(env, &r->deferred, &promise));
	napi_create_string_utf8(env, "facetty.readFrame", NAPI_AUTO_LENGTH, &name);
	CHECK_NAPI(env, napi_create_async_work(env, NULL, name, reader_execute, reader_complete, r, &r->work));
	r->busy = 1;
	if (napi_queue_async_work(env, r->work) != napi_ok) {
		r->busy = 0;
		napi_delete_async_work(env, r->work);
		return throw_error(env, "readFrame: could not start the read");
	}
	return promise;
}

// readFrameSync(...the same) -> the Buffer or null, read in the calling thread. For a small local
// file only (the caller's choice): a 640x480 picture is a millisecond's work, and handing it to a
// pool thread and back costs two thread wake-ups a frame, which on a virtual machine cost more
// CPU than the decode's own cache misses (see source/sources/file-reader.ts).
static napi_value read_frame_sync(napi_env env, napi_callback_info info) {
	Reader *r = read_arguments(env, info, "readFrameSync");
	if (!r) return NULL;
	reader_execute(env, r);
	napi_value value;
	if (!read_result(env, r, &value)) {
		napi_throw(env, value);
		return NULL;
	}
	return value;
}

// rewindReader(handle): back to the first picture (files).
static napi_value rewind_reader(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	Reader *r = argc == 1 ? handle_of(env, argv[0]) : NULL;
	if (!r || !r->format || r->closing || r->busy) return throw_error(env, "rewindReader: the reader is busy or closed");
	int err = reader_rewind(r);
	if (err < 0) return throw_av(env, "cannot go back to the start", err);
	return NULL;
}

// closeReader(handle): frees it now, or when its running read ends.
static napi_value close_reader(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1];
	CHECK_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	Reader *r = argc == 1 ? handle_of(env, argv[0]) : NULL;
	if (!r) return NULL;
	if (r->busy)
		r->closing = 1;
	else
		reader_free(r);
	return NULL;
}

#endif

// ---------------------------------------------------------------------------------------------

// available() -> {h264, vp9, libavcodec}: which encoders this FFmpeg has (some builds ship
// without libx264), and the version for messages.
static napi_value available(napi_env env, napi_callback_info info) {
	(void)info;
	napi_value result, version;
	int h264 = avcodec_find_encoder_by_name("libx264") && avcodec_find_decoder(AV_CODEC_ID_H264);
	int vp9 = avcodec_find_encoder_by_name("libvpx-vp9") && avcodec_find_decoder(AV_CODEC_ID_VP9);
	char text[32];
	unsigned v = avcodec_version();
	snprintf(text, sizeof text, "%u.%u.%u", v >> 16, (v >> 8) & 0xff, v & 0xff);
	napi_create_object(env, &result);
	napi_set_named_property(env, result, "h264", make_bool(env, h264));
	napi_set_named_property(env, result, "vp9", make_bool(env, vp9));
	napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &version);
	napi_set_named_property(env, result, "libavcodec", version);
	return result;
}

static int verbose_av_log = 0;

/*
 * What FFmpeg says reaches fd 2 (facetty points it at the --log file, or nowhere, while a screen is
 * up) only when it is about a file or stream being read ("moov atom not found": a camera file gone
 * bad, retried every few seconds). The codecs stay quiet: a hostile peer's packets would otherwise
 * write a line each, as fast as it sends them. Their errors reach facetty as exceptions instead.
 * FACETTY_AV_LOG=1 lets everything through.
 */
static void log_from_ffmpeg(void *context, int level, const char *format, va_list arguments) {
	if (!verbose_av_log) {
		const AVClass *class = context ? *(const AVClass **)context : NULL;
		AVClassCategory category = AV_CLASS_CATEGORY_NA;
		if (class) category = class->get_category ? class->get_category(context) : class->category;
		if (category != AV_CLASS_CATEGORY_DEMUXER && category != AV_CLASS_CATEGORY_INPUT) return;
	}
	av_log_default_callback(context, level, format, arguments);
}

static napi_value init(napi_env env, napi_value exports) {
#ifdef __GLIBC__
	// glibc's mmap threshold fixed at its default 128 KB: glibc otherwise raises it to the size of
	// each large block freed, and from then on keeps blocks that large (decoded pictures, frames) in
	// its heap, whose space stays resident once they are freed. A call held a few MB less (npm run
	// bench -- app).
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	verbose_av_log = getenv("FACETTY_AV_LOG") != NULL;
	av_log_set_level(verbose_av_log ? AV_LOG_INFO : AV_LOG_ERROR);
	av_log_set_callback(log_from_ffmpeg);
	napi_property_descriptor functions[] = {
	    {"available", NULL, available, NULL, NULL, NULL, napi_default, NULL},
	    {"openEncoder", NULL, open_encoder, NULL, NULL, NULL, napi_default, NULL},
	    {"setRate", NULL, set_rate, NULL, NULL, NULL, napi_default, NULL},
	    {"encode", NULL, encode, NULL, NULL, NULL, napi_default, NULL},
	    {"closeEncoder", NULL, close_encoder, NULL, NULL, NULL, napi_default, NULL},
	    {"openDecoder", NULL, open_decoder, NULL, NULL, NULL, napi_default, NULL},
	    {"decode", NULL, decode, NULL, NULL, NULL, napi_default, NULL},
	    {"closeDecoder", NULL, close_decoder, NULL, NULL, NULL, napi_default, NULL},
	    {"scale", NULL, scale, NULL, NULL, NULL, napi_default, NULL},
	};
	napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions);
#ifdef FACETTY_AVFORMAT
	// Without libavformat at build time there is no reader, and OpenCV reads files and streams.
	napi_property_descriptor reader[] = {
	    {"openReader", NULL, open_reader, NULL, NULL, NULL, napi_default, NULL},
	    {"readFrame", NULL, read_frame, NULL, NULL, NULL, napi_default, NULL},
	    {"readFrameSync", NULL, read_frame_sync, NULL, NULL, NULL, napi_default, NULL},
	    {"rewindReader", NULL, rewind_reader, NULL, NULL, NULL, napi_default, NULL},
	    {"closeReader", NULL, close_reader, NULL, NULL, NULL, napi_default, NULL},
	};
	napi_define_properties(env, exports, sizeof reader / sizeof reader[0], reader);
#endif
	return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
