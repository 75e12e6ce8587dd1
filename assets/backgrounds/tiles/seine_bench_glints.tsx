<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="seine_bench_glints" tilewidth="64" tileheight="16" tilecount="12" columns="4">
 <image source="seine_bench_glints.png" width="256" height="48"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="260"/>
   <frame tileid="1" duration="300"/>
   <frame tileid="2" duration="340"/>
   <frame tileid="3" duration="260"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="345"/>
   <frame tileid="1" duration="385"/>
   <frame tileid="2" duration="305"/>
   <frame tileid="3" duration="345"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="0" duration="430"/>
   <frame tileid="1" duration="350"/>
   <frame tileid="2" duration="390"/>
   <frame tileid="3" duration="430"/>
  </animation>
 </tile>
 <tile id="4">
  <animation>
   <frame tileid="4" duration="320"/>
   <frame tileid="5" duration="360"/>
   <frame tileid="6" duration="400"/>
   <frame tileid="7" duration="320"/>
  </animation>
 </tile>
 <tile id="5">
  <animation>
   <frame tileid="4" duration="405"/>
   <frame tileid="5" duration="445"/>
   <frame tileid="6" duration="365"/>
   <frame tileid="7" duration="405"/>
  </animation>
 </tile>
 <tile id="6">
  <animation>
   <frame tileid="4" duration="490"/>
   <frame tileid="5" duration="410"/>
   <frame tileid="6" duration="450"/>
   <frame tileid="7" duration="490"/>
  </animation>
 </tile>
 <tile id="8">
  <animation>
   <frame tileid="8" duration="380"/>
   <frame tileid="9" duration="420"/>
   <frame tileid="10" duration="460"/>
   <frame tileid="11" duration="380"/>
  </animation>
 </tile>
 <tile id="9">
  <animation>
   <frame tileid="8" duration="465"/>
   <frame tileid="9" duration="505"/>
   <frame tileid="10" duration="425"/>
   <frame tileid="11" duration="465"/>
  </animation>
 </tile>
 <tile id="10">
  <animation>
   <frame tileid="8" duration="550"/>
   <frame tileid="9" duration="470"/>
   <frame tileid="10" duration="510"/>
   <frame tileid="11" duration="550"/>
  </animation>
 </tile>
</tileset>
