/**
 * The invite code's words: 1024 plain, common English words (10 bits each), lower case, a-z,
 * 3 to 9 letters, no two spelt alike or said alike, no names or spelling variants (cosy/cozy),
 * so a code read over the phone or typed from memory comes out right. Fixed: changing this list
 * breaks codes between versions, so it only ever grows in a new version of the code format.
 */
const text = `
able acorn acre active actor adult advice agent agile alarm album alert alley almond alpine
amazing amber anchor ancient angle animal ankle answer anthem apple apricot april apron arch
arena arm army arrow artist ash atom attic august aunt autumn avenue avocado awake award axis
baby badge badger bag bagel bake baker bakery balcony ball ballad ballet balloon bamboo banana
band banjo bank barley barn barrel basil basket bath battery bay beach beacon beam bean bear
beard beaver bed bee beet beetle bell belt bench berry bicycle bingo bird biscuit bison blanket
blender blizzard block bloom blossom blue board boat bobcat body bold bolt bone bonus book boot
border bottle bottom boulder bounce bowl box brain bramble branch brass brave bread breeze
breezy brick bride bridge bridle bright brisk broad bronze brook broom brother brown brownie
brush bubble bucket buckle budget buffalo bugle build bulb bumpy bundle bunny burger bush busy
butter button cabbage cabin cable cactus cake calm camel camera camp camper canal candid candle
candy canoe canopy canvas canyon cap captain car card cardinal careful cargo carpet carrot carry
cart carton cashew castle casual cat catch cattle cave cedar ceiling celery cell cello cement
cereal chain chair chalk channel chapel chapter chase cheddar cheerful cheese cheetah chef
cherry chess chest chestnut chicken chili chilly chimney chin chive chord chorus chrome cider
circle circus city clam class clay clean clear clever cliff climate climb clock cloud cloudy
clove clover clown coach coast coat cobalt cobra cobweb cocoa coconut cocoon coffee coin collar
comet compass condor cook cookie copper coral corn corner cotton couch country cousin cove cow
crab cradle crane crayon cream creek crest cricket crisp crocus crow crown crumb crystal cube
cup cupcake curly curry curtain cushion cute cypress dairy daisy dance dancer daring dawn deer
delta desert desk diamond diary dig dinghy dinner dish dive dizzy dock doctor dog doll dolphin
donkey door dragon dragonfly draw drawer dream dress drift drill drive drum duck dumpling dune
dust dusty eager eagle ear early earth easel easy echo edge egg elbow elegant elephant elm
emerald engine equal eraser evening exact fabric face factory fair falcon family famous fan
fancy farm farmer fast feather fence fern ferret ferry festival fetch fiber fiddle field fig
film finger fire firefly fish flag flame flannel flask flint float flower fluffy flute fly foam
fog fold folder fond forest fork formal fossil fountain fox frame fresh friendly frog frosty
fruit fudge funnel funny fuzzy gadget galaxy game garage garden garlic garnet gate gather gecko
gem gentle geyser ghost giant giddy ginger giraffe glacier glad glass glen glide globe glove
goat goblet gold golden golf goose gopher gorilla graceful grand granite granola grape grass
gravel gravy great green grove grow guitar gulf gull hair hammer hamster hand happy hardy
harmony harp harvest hasty hat hatchet hawk hazel hazelnut heart heath heavy hedge helmet
helpful hero heron hike hill hippo hobby honest honey hook hop horse hotel house huge hum humble
hunt ice icy igloo ink inlet insect iron island isle ivory ivy jacket jade jaguar jam jar jeans
jelly jewel jog jolly joyful judge juggle juice jump jungle kale kayak keen kettle key kick kind
king kitchen kite kitten kiwi knee knife knit knoll knot koala ladder lagoon lake lamp lantern
laptop large laser laugh lava lawn lazy leaf lemon lens lentil leopard letter lettuce library
lift light lily lime lion listen little lively lizard llama lobster lock locket lonely lotus
loud lovely loyal lucky lullaby lunar lyric magnet mango map maple marble march market marsh
mask meadow medal melody melon merry mesa metal mighty mild mint mirror misty mitten mix modern
modest monkey moon moor moose moss moth motor mountain mouse mud muffin mug mushroom music
mustard nail nap napkin narrow neat nectar needle neon nest net nickel night nimble noble noodle
north notebook nut nutmeg oak oar oasis oat oatmeal ocean octopus olive onion onyx opal open
opera orange orbit orchard organ ostrich otter oven owl oyster paddle page paint palace palm
pancake panda paper parrot pasta path peach peak peanut pear pearl pebble pecan pelican pencil
penguin pepper pesto photon piano pick pickle picnic pie pig pigeon pillow pilot pine pipe
pirate pixel pizza plain planet plant plate plateau play plum pocket poem polite pond pony
popcorn poppy potato pottery pour prairie pretzel prism proud pudding puddle pull pumpkin puppy
purple push puzzle quail quartz queen quick quiet quilt rabbit raccoon race radar radio radish
radius raft rain rainbow raisin rake ranch rapid rare raven ready recipe red reef relax rhythm
ribbon rice ride ridge ring river road robin robot rock rocket roll roof room rope rose rosy
round row royal ruby rug ruler rumba run rusty saddle safe sail salad salmon salsa salt salty
samba sand sandal sandy sauce saucer scarf school scoop seal season seed sesame sew shadow shake
shark sheep shelf shell shine shiny ship shirt shoe shore short shovel silent silk silver simple
sing singer sink skate skip skirt sky sled sleep sleepy slide slipper slope slow smart smile
smooth snail snake sneeze snow snowy soap sock soda sofa soft solar solid solve sonata sonic
sorbet soup soy spicy spider spin spinach splash sponge spoon spring sprint sprout square squid
stable stack stage star statue steady steam steel stew sticky stone stool storm stove straw
stream street strong sugar suit summer summit sun sunny sushi swamp swan sweater sweet swift
swim swing syrup table tablet taco tail talk tall tame tango tank tea teacher teapot tempo
tender tent thimble thread throne throw thumb ticket tickle tidy tiger timber tin tiny toast toe
toffee tofu tomato tooth topaz torch tough towel tower toy tractor trail train travel tree trek
truck true truffle trumpet tuba tulip tumble tuna tundra tunnel turkey turnip turtle twig twirl
type umbrella uncle unicorn vale valley van vanilla vase vector velvet viola violet violin vivid
volcano wafer waffle wagon walk wall walnut walrus waltz wand wander warm wash water wave wavy
whale wheat wheel whisper whistle wild willow win window windy wing wink winter wise witty
wizard wolf wood wool worm write yard yarn yawn young zebra zinc zipper
`;

export const inviteWords: readonly string[] = Object.freeze(text.trim().split(/\s+/));

const indexOf = new Map(inviteWords.map((word, index) => [word, index]));

export function wordIndex(word: string): number | undefined {
	return indexOf.get(word);
}
