#!/usr/bin/env bash
# Makes the project's own test media from ffmpeg's built-in sources, so nothing is downloaded
# and everything can be regenerated: `npm run media` (needs ffmpeg with libx264).
#   media/clip.mp4   12 s, 640x480 at 30 fps: soft colour gradients (banding shows at once),
#                    a drifting fractal (fine detail), a face that moves and blinks, a sweeping bar
#   media/still.png  one frame of it, for the image source
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p media

# A smiling face drawn with geq: a skin disc, two eyes that close every 2 s, a curved mouth.
# X/Y are pixel coordinates in a 160x160 square, T is time in seconds.
face="format=yuva420p,geq=\
lum='if(lte(hypot(X-80,Y-80),70),\
if(lte(hypot(X-55,(Y-60)/(if(lt(mod(T,2),0.15),0.15,1))),9)+lte(hypot(X-105,(Y-60)/(if(lt(mod(T,2),0.15),0.15,1))),9),40,\
if(between(hypot(X-80,Y-75),35,42)*gt(Y,90),60,170)),16)':\
cb='if(lte(hypot(X/SW-80,Y/SH-80),70),110,128)':\
cr='if(lte(hypot(X/SW-80,Y/SH-80),70),150,128)':\
a='if(lte(hypot(X-80,Y-80),71),255,0)'"

ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "gradients=s=640x480:r=30:d=12:speed=0.015:c0=0x1a2a6c:c1=0xb21f1f:c2=0xfdbb2d:c3=0x22c1c3:n=4:type=linear" \
  -f lavfi -i "mandelbrot=s=240x180:r=30:start_scale=3:end_scale=0.05:maxiter=96" \
  -f lavfi -i "color=c=black:s=160x160:r=30:d=12" \
  -f lavfi -i "testsrc2=s=640x24:r=30:d=12" \
  -filter_complex "\
[2:v]${face}[face];\
[0:v][1:v]overlay=x='40+120*sin(t*0.7)':y='40+60*cos(t*0.5)':shortest=1[a];\
[a][face]overlay=x='380+90*sin(t*1.3)':y='250+50*sin(t*0.9)'[b];\
[b][3:v]overlay=x=0:y='mod(t*80,456)'[out]" \
  -map "[out]" -t 12 -c:v libx264 -preset slow -crf 26 -pix_fmt yuv420p -movflags +faststart media/clip.mp4

ffmpeg -hide_banner -loglevel error -y -ss 3.2 -i media/clip.mp4 -frames:v 1 media/still.png
ls -l media/clip.mp4 media/still.png
